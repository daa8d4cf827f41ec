package cn.dayuan.captcha;

/** What a captcha asks the reader to type. Tests switch in a fixed one by a test-only configuration. */
interface CaptchaCodes {

    String next();
}
