package cn.dayuan.database;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Chinese text of the kind a local portal publishes, in any length a test needs. */
final class ChineseSamples {

    private static final List<String> PARAGRAPHS = List.of(
            "四月下旬，城区各街道陆续启动老旧小区改造工程。据住建部门介绍，今年计划改造小区四十二个，涉及居民一万余户，"
                    + "重点解决屋面漏水、管网老化、停车难和无障碍设施不足等问题，工程将在雨季到来前完成主体施工。",
            "市图书馆新馆于本周六正式对外开放。新馆共设六层，藏书八十余万册，设有少儿阅览区、地方文献室和自助借还区，"
                    + "读者凭身份证或社保卡即可办理借阅，开馆首月每天延长开放至晚上九点。",
            "春耕时节，县农业农村局组织农技人员深入田间地头，指导农户做好小麦春季管理和玉米播种前准备。"
                    + "技术人员提醒，近期气温回升较快，要注意防范晚霜冻害，合理安排灌溉和追肥。",
            "为方便群众办事，市政务服务中心推出“一窗通办”改革，社保、医保、公积金等四十六项高频事项可在综合窗口一次办结，"
                    + "群众平均等候时间由原来的二十五分钟缩短到八分钟以内。",
            "公交集团宣布，自五月一日起新开通三条社区微循环线路，连接城东新区、高铁站和市第一人民医院，"
                    + "首末班时间分别为早六点和晚九点，全程票价一元，支持扫码乘车和老年卡免费乘坐。",
            "记者从市气象台获悉，受冷空气影响，本周后期我市将出现一次明显降温降雨过程，最低气温可降至五摄氏度左右，"
                    + "请市民注意添衣保暖，农业生产单位做好设施大棚的加固和保温工作。",
            "区文化馆本月举办“非遗进社区”系列活动，剪纸、面塑、皮影等十余个非遗项目的传承人走进社区，"
                    + "现场教学并展示作品，吸引了众多居民和中小学生参与，活动将持续到六月底。",
            "市场监管部门近日开展食品安全专项检查，重点检查校园周边食品经营单位和农贸市场，"
                    + "共出动执法人员二百余人次，对发现的问题已责令限期整改，并将检查结果向社会公开。");

    private ChineseSamples() {
    }

    /** {@code count} paragraphs of plain text, separated by line breaks. */
    static String paragraphs(int count) {
        return IntStream.range(0, count).mapToObj(i -> PARAGRAPHS.get(i % PARAGRAPHS.size()))
                .collect(Collectors.joining("\n"));
    }

    /** {@code count} paragraphs as article HTML, each in its own {@code <p>}. */
    static String html(int count) {
        return IntStream.range(0, count).mapToObj(i -> "<p>" + PARAGRAPHS.get(i % PARAGRAPHS.size()) + "</p>")
                .collect(Collectors.joining());
    }
}
