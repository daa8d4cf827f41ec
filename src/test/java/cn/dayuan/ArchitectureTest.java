package cn.dayuan;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * Keeps the layout of docs/architecture.md true as the code grows: the public site, the newsroom, the API, the
 * publisher and the demo loader all go through the feature services; features know nothing of the web; the
 * system package is the foundation that depends on no one.
 */
class ArchitectureTest {

    private static final String[] WEB = {"cn.dayuan.portal..", "cn.dayuan.newsroom..", "cn.dayuan.api..",
            "cn.dayuan.publish..", "cn.dayuan.demo.."};
    private static final String[] FEATURES = {"cn.dayuan.account..", "cn.dayuan.site..", "cn.dayuan.channel..",
            "cn.dayuan.tag..", "cn.dayuan.article..", "cn.dayuan.directory..", "cn.dayuan.backup..", "cn.dayuan.captcha..", "cn.dayuan.comment..",
            "cn.dayuan.sensitive..", "cn.dayuan.report..", "cn.dayuan.audit..", "cn.dayuan.media..", "cn.dayuan.curation..",
            "cn.dayuan.search.."};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("cn.dayuan");

    @Test
    void webCodeGoesThroughServicesNeverRepositories() {
        // Our repositories only: Spring's own *Repository types (CsrfTokenRepository, ...) are web plumbing.
        noClasses().that().resideInAnyPackage(WEB)
                .should().dependOnClassesThat(resideInAPackage("cn.dayuan..").and(simpleNameEndingWith("Repository")))
                .because("the public site, the newsroom and the API read and write through the same services")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void featuresKnowNothingOfTheWebOrOfSecurity() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "cn.dayuan.portal..", "cn.dayuan.newsroom..", "cn.dayuan.api..", "cn.dayuan.publish..",
                        "cn.dayuan.demo..", "cn.dayuan.security..")
                .because("features are used by every half of the application and must not pick one")
                .check(CLASSES);
    }

    @Test
    void thePublicSiteTheNewsroomAndTheApiAreIndependentOfEachOther() {
        CompositeArchRule.of(
                        noClasses().that().resideInAPackage("cn.dayuan.portal..").should().dependOnClassesThat()
                                .resideInAnyPackage("cn.dayuan.newsroom..", "cn.dayuan.api.."))
                .and(noClasses().that().resideInAPackage("cn.dayuan.newsroom..").should().dependOnClassesThat()
                        .resideInAnyPackage("cn.dayuan.portal..", "cn.dayuan.api.."))
                .and(noClasses().that().resideInAPackage("cn.dayuan.api..").should().dependOnClassesThat()
                        .resideInAnyPackage("cn.dayuan.portal..", "cn.dayuan.newsroom.."))
                .because("what two of them share belongs in a feature service or in system")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void systemKnowsNothingOfServletRequests() {
        noClasses().that().resideInAPackage("cn.dayuan.system..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..")
                .because("pages are built and their page keys recorded without a request: by the static export too")
                .check(CLASSES);
    }

    @Test
    void systemDependsOnNoOtherDayuanPackage() {
        noClasses().that().resideInAPackage("cn.dayuan.system..")
                .should().dependOnClassesThat(resideInAPackage("cn.dayuan..")
                        .and(not(resideInAnyPackage("cn.dayuan.system.."))))
                .because("system is the foundation every other package may use")
                .check(CLASSES);
    }

    @Test
    void onlyTheClusterPackageTalksToRedisAndNobodyTalksToIt() {
        CompositeArchRule.of(
                        noClasses().that().resideOutsideOfPackage("cn.dayuan.cluster..").should().dependOnClassesThat()
                                .resideInAnyPackage("org.springframework.data.redis..", "io.lettuce..",
                                        "io.github.bucket4j.redis.."))
                .and(noClasses().that().resideOutsideOfPackage("cn.dayuan.cluster..").should().dependOnClassesThat()
                        .resideInAPackage("cn.dayuan.cluster.."))
                .and(noClasses().that().resideInAPackage("cn.dayuan.cluster..").should().dependOnClassesThat(
                        resideInAPackage("cn.dayuan..").and(not(resideInAnyPackage("cn.dayuan.cluster..",
                                "cn.dayuan.system..")))))
                .because("state every node shares goes through the seams in system (RateLimiter, ExclusiveWork, "
                        + "ContentChangedEvent), whose cluster side lives in cluster alone")
                .check(CLASSES);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("cn.dayuan.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
