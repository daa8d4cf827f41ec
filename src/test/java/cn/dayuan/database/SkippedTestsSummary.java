package cn.dayuan.database;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends every test run with one short block that says which tests did not run and why: database or browser tests
 * skipped because their server or browser is missing on this machine, or aborted by an assumption. Registered
 * for all runs through META-INF/services; the run's name comes from {@code dayuan.test.run} (pom.xml).
 */
public class SkippedTestsSummary implements TestExecutionListener {

    private final Map<String, List<String>> namesByReason = new LinkedHashMap<>();
    private final AtomicInteger finishedTests = new AtomicInteger();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        namesByReason.clear();
        finishedTests.set(0);
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier identifier, String reason) {
        note(identifier, reason);
    }

    @Override
    public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isTest()) {
            finishedTests.incrementAndGet();
        }
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            note(identifier, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        String run = System.getProperty("dayuan.test.run", "tests");
        if (namesByReason.isEmpty()) {
            System.out.println("[dayuan] test run '" + run + "': " + finishedTests.get()
                    + " tests executed, nothing skipped");
            return;
        }
        System.out.println("[dayuan] test run '" + run + "': " + finishedTests.get()
                + " tests executed; not run on this machine:");
        namesByReason.forEach((reason, names) ->
                System.out.println("[dayuan]   " + reason + ": " + String.join(", ", names)));
    }

    private void note(TestIdentifier identifier, String reason) {
        namesByReason.computeIfAbsent(reason == null ? "skipped" : reason, r -> new ArrayList<>())
                .add(nameOf(identifier));
    }

    private String nameOf(TestIdentifier identifier) {
        if (identifier.isContainer() || plan == null) {
            return identifier.getDisplayName();
        }
        Optional<TestIdentifier> parent = plan.getParent(identifier);
        return parent.map(p -> p.getDisplayName() + "." + identifier.getDisplayName())
                .orElse(identifier.getDisplayName());
    }
}
