package vn.truongso.questions.conformance;

import java.nio.file.Path;

/**
 * {@code .ci/check-questions} runs this: {@code ConformanceMain <gift dir> <qti dir> [-v]} prints
 * "gift: N/M cases pass" and "qti: ..." and exits 1 when a case fails.
 */
public final class ConformanceMain {

    public static void main(String[] args) throws Exception {
        boolean verbose = args.length > 2 && args[2].equals("-v");
        boolean ok = true;
        GiftConformance.Outcome gift = GiftConformance.run(Path.of(args[0]));
        System.out.println("gift: " + gift.passed() + "/" + gift.total() + " cases pass");
        if (verbose || gift.passed() < gift.total()) {
            gift.failures().forEach(f -> System.out.println("  gift FAIL " + f));
        }
        ok &= gift.passed() == gift.total();
        QtiConformance.Outcome qti = QtiConformance.run(Path.of(args[1]));
        System.out.println("qti: " + qti.summary());
        if (verbose || !qti.failures().isEmpty()) {
            qti.failures().forEach(f -> System.out.println("  qti FAIL " + f));
        }
        if (verbose) {
            qti.notScorable().forEach(f -> System.out.println("  qti refused (not scorable) " + f));
        }
        ok &= qti.failures().isEmpty();
        System.exit(ok ? 0 : 1);
    }
}
