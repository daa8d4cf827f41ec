package cn.dayuan.system;

/** Who the current call acts for; the web's security layer knows, and the services ask through this seam. */
public interface CurrentActor {

    Actor current();
}
