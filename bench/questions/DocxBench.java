import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import vn.truongso.questions.imports.DocxBank;
import vn.truongso.questions.imports.ImportPipeline;
import vn.truongso.questions.imports.ImportResult;
import vn.truongso.questions.imports.ImportSource;

/**
 * Word .docx import benchmark: builds a bank of N questions in the teachers' layout (60 % single choice with one
 * option per line or four on a line, 20 % true/false clusters, 10 % short answers with <Key=…>, 10 % with equations
 * and a worked solution; marks by underline, red and highlight) and times the preview parse (ImportPipeline, what
 * POST …/imports runs), printing the cold and warm times and the peak heap of the parse.
 */
public class DocxBench {

    static final String FRAC = "<m:f><m:num><m:r><m:t>1</m:t></m:r></m:num><m:den><m:r><m:t>2</m:t></m:r></m:den></m:f>"
            + "<m:r><m:t>+</m:t></m:r><m:sSup><m:e><m:r><m:t>x</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup>";

    public static void main(String[] args) {
        int n = Integer.getInteger("bench.questions", 1000);
        int runs = Integer.getInteger("bench.runs", 5);
        long t0 = System.nanoTime();
        byte[] docx = build(n);
        System.out.printf("generated %d questions: %,d bytes in %d ms%n", n, docx.length, (System.nanoTime() - t0) / 1_000_000);

        List<Long> times = new ArrayList<>();
        long peak = 0;
        int questions = 0;
        int problems = 0;
        for (int i = 0; i <= runs; i++) {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            ImportResult r = ImportPipeline.run("docx", ImportSource.of("bench.docx", docx));
            long ms = (System.nanoTime() - start) / 1_000_000;
            long used = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            questions = r.questions().size();
            problems = r.problems().size();
            if (i == 0) {
                System.out.printf("cold parse: %d ms, peak heap %d MB%n", ms, used >> 20);
            } else {
                times.add(ms);
                peak = Math.max(peak, used);
            }
        }
        Collections.sort(times);
        System.out.printf("warm parse (%d runs): min %d ms, median %d ms, max %d ms; peak heap %d MB (max heap %d MB)%n", runs,
                times.getFirst(), times.get(times.size() / 2), times.getLast(), peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("parsed %d questions, %d problems (target: under 3 s)%n", questions, problems);
        if (questions != n || problems != 0) {
            System.exit(1);
        }
    }

    static byte[] build(int n) {
        DocxBank bank = new DocxBank().p(DocxBank.b("ĐỀ KIỂM TRA CUỐI HỌC KÌ I – MÔN TOÁN 10")).p("Thời gian làm bài: 90 phút");
        for (int i = 1; i <= n; i++) {
            int kind = i % 10;
            if (kind < 6) {
                bank.p(DocxBank.b("Câu " + i + "."), " Trong các số sau, số nào là nghiệm của phương trình x + " + i + " = " + (2 * i) + "?");
                if (i % 2 == 0) {
                    bank.p("A. " + (i - 1) + "\t", DocxBank.u("B. " + i), "\tC. " + (i + 1) + "\tD. " + (i + 2));
                } else {
                    bank.p("A. " + (i - 1)).p("B. " + (i + 1)).p(DocxBank.red("C. " + i)).p("D. " + (i + 2));
                }
            } else if (kind < 8) {
                bank.p(DocxBank.b("Câu " + i + "."), " Cho hàm số y = x² − " + i + "x. Xét tính đúng sai của các mệnh đề sau:")
                        .p(DocxBank.u("a)"), " Đồ thị hàm số đi qua gốc toạ độ.").p("b) Hàm số đồng biến trên ℝ.")
                        .p("c) ", DocxBank.hl("Đồ thị là một parabol.")).p("d) Hàm số có giá trị lớn nhất.");
            } else if (kind < 9) {
                bank.p(DocxBank.b("Câu " + i + "."), " Tính " + i + " + 0,5. <Key=" + i + ",5>");
            } else {
                bank.math(new Object[] {DocxBank.b("Câu " + i + "."), " Giá trị của "}, FRAC, " tại x = 1 là")
                        .p("A. 1\tB. ", DocxBank.u("1,5"), "\tC. 2\tD. 2,5").p("Lời giải").p("Thay x = 1 ta được 1/2 + 1 = 1,5. Chọn B.");
            }
        }
        return bank.bytes();
    }
}
