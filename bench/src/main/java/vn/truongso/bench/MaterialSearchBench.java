package vn.truongso.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.postgresql.PGConnection;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search of learning materials at scale.
 *
 * <p>{@code materials}: writes generated materials (realistic Vietnamese titles and descriptions, a third with text as
 * if extracted from files) straight into the database of a running application with {@code COPY}, spread over the
 * schools of a tokens file, in every state of the workflow: drafts, published in the school, shared in the district and
 * the city. {@code material-search}: virtual users (one per token, each searching from her own school) send typical
 * searches in a closed loop and the tool prints p50/p95/p99 per kind of query.
 */
final class MaterialSearchBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MaterialSearchBench() {
    }

    // ---------------------------------------------------------------- data

    record Subject(String code, int[] grades, List<String> topics) {
    }

    static final List<Subject> SUBJECTS = List.of(
            new Subject("TOAN", new int[] {6, 7, 8, 9}, List.of("Phân số", "Số thập phân", "Đường tròn", "Tam giác đồng dạng", "Phương trình bậc nhất",
                    "Hàm số bậc nhất", "Thống kê và xác suất", "Góc nội tiếp", "Định lý Pythagore", "Biểu thức đại số", "Đa thức một biến",
                    "Hệ phương trình", "Căn bậc hai", "Tỉ lệ thức", "Số nguyên", "Hình hộp chữ nhật", "Lũy thừa với số mũ tự nhiên")),
            new Subject("NGU_VAN", new int[] {6, 7, 8, 9}, List.of("Truyện ngắn", "Thơ lục bát", "Văn nghị luận xã hội", "Truyện Kiều", "Lão Hạc",
                    "Tục ngữ về thiên nhiên và lao động", "Ca dao dân ca", "Bài học đường đời đầu tiên", "Chiếc lược ngà", "Văn bản thông tin",
                    "Kí và tùy bút", "Truyện truyền thuyết", "Biện pháp tu từ", "Viết bài văn tả cảnh")),
            new Subject("KHTN", new int[] {6, 7, 8, 9}, List.of("Năng lượng và sự chuyển hoá", "Quang hợp ở thực vật", "Tế bào", "Lực ma sát",
                    "Nguyên tử và nguyên tố hoá học", "Phản ứng hoá học", "Điện trở và định luật Ôm", "Hệ tiêu hoá ở người", "Âm thanh",
                    "Ánh sáng và sự phản xạ", "Di truyền và biến dị", "Acid, base và muối", "Khối lượng riêng và áp suất")),
            new Subject("LICH_SU_DIA_LY", new int[] {6, 7, 8, 9}, List.of("Khu vực Đông Nam Á", "Nhà nước Văn Lang Âu Lạc", "Khởi nghĩa Hai Bà Trưng",
                    "Chiến thắng Bạch Đằng", "Địa hình Việt Nam", "Khí hậu nhiệt đới gió mùa", "Sông ngòi Việt Nam", "Cách mạng tháng Tám",
                    "Biển Đông và hải đảo", "Dân cư và đô thị hoá")),
            new Subject("TIENG_ANH", new int[] {6, 7, 8, 9}, List.of("My new school", "Family life", "Environmental protection", "Hobbies",
                    "Festivals in Viet Nam", "Music and arts", "Thì hiện tại hoàn thành", "Câu bị động", "Câu điều kiện loại 1")),
            new Subject("TIN_HOC", new int[] {6, 7, 8, 9}, List.of("Thuật toán", "Bảng tính điện tử", "Mạng máy tính và Internet", "Lập trình Scratch",
                    "An toàn thông tin", "Trình chiếu đa phương tiện", "Cấu trúc rẽ nhánh", "Sắp xếp và tìm kiếm")),
            new Subject("GDCD", new int[] {6, 7, 8, 9}, List.of("Tự hào về truyền thống gia đình", "Yêu thương con người", "Tiết kiệm",
                    "Phòng chống bạo lực học đường", "Quyền và nghĩa vụ của công dân", "Ứng phó với tình huống nguy hiểm")));

    /** Kinds with the phrase a title starts with. */
    static final Map<String, List<String>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("E_LECTURE", List.of("Bài giảng điện tử", "Bài giảng", "Giáo án điện tử"));
        KINDS.put("VIDEO", List.of("Video bài học", "Video hướng dẫn", "Video thí nghiệm"));
        KINDS.put("MULTIMEDIA", List.of("Học liệu đa phương tiện", "Bài học tương tác"));
        KINDS.put("E_TEXTBOOK", List.of("Sách điện tử", "Tài liệu đọc thêm"));
        KINDS.put("SIMULATION", List.of("Mô phỏng", "Thí nghiệm ảo"));
        KINDS.put("WORKSHEET", List.of("Phiếu học tập", "Phiếu bài tập", "Bài tập về nhà"));
        KINDS.put("TEST_PAPER", List.of("Đề kiểm tra 15 phút", "Đề kiểm tra giữa kỳ", "Đề kiểm tra cuối kỳ", "Đề ôn tập"));
        KINDS.put("LINK", List.of("Liên kết tham khảo", "Tư liệu trực tuyến"));
    }

    static final List<String> SENTENCES = List.of("Giúp học sinh nắm vững kiến thức trọng tâm về %s.",
            "Gồm các hoạt động khởi động, hình thành kiến thức, luyện tập và vận dụng.", "Phù hợp với chương trình giáo dục phổ thông 2018.",
            "Có hướng dẫn chấm và đáp án chi tiết.", "Học sinh làm việc nhóm và trình bày kết quả.",
            "Vận dụng %s vào giải quyết các tình huống thực tiễn.", "Tài liệu do tổ chuyên môn biên soạn và thẩm định.",
            "Bao gồm câu hỏi trắc nghiệm và tự luận về %s.", "Sử dụng trong tiết dạy trên lớp hoặc tự học ở nhà.",
            "Phát triển năng lực tự chủ, giao tiếp và hợp tác.");
    static final List<String> AUTHORS = List.of("Nguyễn Thị Hương", "Trần Văn Minh", "Lê Thị Thu Hà", "Phạm Đức Anh", "Hoàng Thị Lan",
            "Vũ Quốc Bảo", "Đặng Thị Ngọc Ánh", "Bùi Văn Đức");

    /** {@code materials --tokens=FILE --count=100000 [--jdbc=URL | --data=DIR] [--seed=1]}. */
    static int generate(Bench.Options options) throws Exception {
        int count = options.integer("count", 100_000);
        SplittableRandom random = new SplittableRandom(options.number("seed", 1));
        List<UUID> schools = BenchTokens.read(Path.of(options.required("tokens")), "load").stream().map(BenchTokens::schoolId).distinct().toList();
        String url = jdbcUrl(options);
        long t0 = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            db.setAutoCommit(false);
            record School(UUID id, UUID phong, UUID so, UUID author) {
            }
            List<School> units = new ArrayList<>();
            for (UUID school : schools) {
                try (var st = db.prepareStatement("""
                        SELECT s.id, p.id, p.parent_id, (SELECT a.id FROM user_account a WHERE a.home_org_id = s.id ORDER BY a.username LIMIT 1)
                        FROM org_unit s JOIN org_unit p ON p.id = s.parent_id WHERE s.id = ?""")) {
                    st.setObject(1, school);
                    try (ResultSet rs = st.executeQuery()) {
                        if (rs.next() && rs.getObject(4) != null) {
                            units.add(new School(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                                    rs.getObject(4, UUID.class)));
                        }
                    }
                }
            }
            if (units.isEmpty()) {
                System.err.println("no school of the tokens file has an account in this database");
                return 1;
            }
            var copy = db.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder materials = new StringBuilder();
            StringBuilder versions = new StringBuilder();
            long fileTexts = 0;
            List<String> kinds = List.copyOf(KINDS.keySet());
            int batch = 10_000;
            for (int i = 0; i < count; i++) {
                School school = units.get(i % units.size());
                Subject subject = SUBJECTS.get(random.nextInt(SUBJECTS.size()));
                String topic = subject.topics().get(random.nextInt(subject.topics().size()));
                String kind = kinds.get(random.nextInt(kinds.size()));
                List<String> phrases = KINDS.get(kind);
                int grade = subject.grades()[random.nextInt(subject.grades().length)];
                String title = phrases.get(random.nextInt(phrases.size())) + ": " + topic + (random.nextInt(3) == 0 ? " (tiết " + (1 + random.nextInt(4)) + ")" : "")
                        + " – " + subjectName(subject.code()) + " " + grade;
                StringBuilder description = new StringBuilder();
                for (int s = 0, n = 2 + random.nextInt(3); s < n; s++) {
                    description.append(String.format(SENTENCES.get(random.nextInt(SENTENCES.size())), topic.toLowerCase())).append(' ');
                }
                String fileText = null;
                if (random.nextInt(3) == 0) {
                    fileTexts++;
                    StringBuilder text = new StringBuilder();
                    for (int s = 0, n = 20 + random.nextInt(40); s < n; s++) {
                        String other = subject.topics().get(random.nextInt(subject.topics().size())).toLowerCase();
                        text.append("Câu ").append(s + 1).append(". ").append(String.format(SENTENCES.get(random.nextInt(SENTENCES.size())), other)).append(' ');
                    }
                    fileText = text.toString();
                }
                // State: 12% drafts in progress, 8% approved but not published, 50% published in the school, 5% proposed to the
                // Phòng, 15% shared in the district, 10% shared in the city; a tenth of the approved ones have a new draft version.
                int roll = random.nextInt(100);
                String reach = roll < 12 ? "NOT_PUBLISHED" : roll < 20 ? "NOT_PUBLISHED" : roll < 70 ? "PUBLISHED" : roll < 75 ? "PROPOSED_DISTRICT"
                        : roll < 90 ? "SHARED_DISTRICT" : "SHARED_CITY";
                String status = roll < 12 ? List.of("DRAFT", "SUBMITTED", "UNDER_APPRAISAL", "RETURNED").get(random.nextInt(4)) : "APPROVED";
                UUID materialId = UUID.randomUUID();
                UUID versionId = UUID.randomUUID();
                materials.append(school.id()).append('\t').append(materialId).append('\t').append(school.phong()).append('\t').append(school.so())
                        .append('\t').append(reach).append('\t').append(school.author()).append('\n');
                String authors = "{\"" + AUTHORS.get(random.nextInt(AUTHORS.size())) + "\"}";
                versions.append(versionRow(school.id(), versionId, materialId, 1, status, title, description.toString().strip(), kind, subject.code(),
                        grade, authors, school.author(), fileText));
                if (status.equals("APPROVED") && random.nextInt(10) == 0) {
                    versions.append(versionRow(school.id(), UUID.randomUUID(), materialId, 2, "DRAFT", title + " (bản sửa)", description.toString().strip(),
                            kind, subject.code(), grade, authors, school.author(), fileText));
                }
                if ((i + 1) % batch == 0 || i == count - 1) {
                    copy.copyIn("COPY material (school_id, id, phong_id, so_id, reach, created_by) FROM STDIN", new StringReader(materials.toString()));
                    copy.copyIn("COPY material_version (school_id, id, material_id, number, status, title, description, kind, subject_code, grades, "
                            + "licence, authors, created_by, search_text) FROM STDIN", new StringReader(versions.toString()));
                    materials.setLength(0);
                    versions.setLength(0);
                    System.out.printf("  %,d materials written%n", i + 1);
                }
            }
            try (var st = db.createStatement()) {
                int live = st.executeUpdate("""
                        UPDATE material m SET live_version_id = v.id FROM material_version v
                        WHERE v.school_id = m.school_id AND v.material_id = m.id AND v.number = 1 AND v.status = 'APPROVED' AND m.live_version_id IS NULL""");
                System.out.printf("  %,d live versions set%n", live);
            }
            db.commit();
            try (var st = db.createStatement()) {
                db.setAutoCommit(true);
                // Setting the live versions rewrote most rows (and, through the triggers, the search table's): vacuumed as
                // autovacuum would soon do, so the search is measured on the tables, not on dead rows of the bulk load.
                st.execute("VACUUM (ANALYZE) material, material_version, material_search_word");
                try (ResultSet rs = st.executeQuery("SELECT to_regclass('material_search') IS NOT NULL")) {
                    if (rs.next() && rs.getBoolean(1)) {
                        st.execute("VACUUM (ANALYZE) material_search");
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("GENERATED materials=%d over %d schools (%d with file text) in %.1f s (%.0f materials/s), vacuumed and analysed%n", count, units.size(), fileTexts,
                    seconds, count / seconds);
        }
        return 0;
    }

    private static String versionRow(UUID school, UUID id, UUID material, int number, String status, String title, String description, String kind,
            String subject, int grade, String authors, UUID author, String fileText) {
        return school + "\t" + id + "\t" + material + "\t" + number + "\t" + status + "\t" + copyText(title) + "\t" + copyText(description) + "\t" + kind
                + "\t" + subject + "\t{" + grade + "}\tCC BY 4.0\t" + copyText(authors) + "\t" + author + "\t"
                + (fileText == null ? "\\N" : copyText(fileText)) + "\n";
    }

    private static String copyText(String text) {
        return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ");
    }

    private static String subjectName(String code) {
        return switch (code) {
            case "TOAN" -> "Toán";
            case "NGU_VAN" -> "Ngữ văn";
            case "KHTN" -> "Khoa học tự nhiên";
            case "LICH_SU_DIA_LY" -> "Lịch sử và Địa lí";
            case "TIENG_ANH" -> "Tiếng Anh";
            case "TIN_HOC" -> "Tin học";
            default -> "Giáo dục công dân";
        };
    }

    /** {@code --jdbc=URL}, or {@code --data=DIR}: the embedded PostgreSQL of the application's data folder (its port). */
    private static String jdbcUrl(Bench.Options options) throws Exception {
        String url = options.text("jdbc", null);
        if (url == null) {
            List<String> pid = Files.readAllLines(Path.of(options.required("data"), "postgres", "postmaster.pid"));
            url = "jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/truongso";
        }
        if (!url.startsWith("jdbc:postgresql://127.0.0.1:") && !url.startsWith("jdbc:postgresql://localhost:")) {
            throw new IllegalArgumentException("the generator only writes to a database on 127.0.0.1 (got " + url + ")");
        }
        return url;
    }

    // ---------------------------------------------------------------- load

    enum Kind {
        /** Typed without diacritics, as most people type on a phone or a keyboard without a Vietnamese layout. */
        FOLDED(40, List.of("phan so", "duong tron", "quang hop", "van nghi luan", "truyen kieu", "tam giac dong dang", "phuong trinh bac nhat",
                "thi nghiem ao", "de kiem tra giua ky", "khoi nghia hai ba trung", "bang tinh", "dia hinh viet nam", "lao hac", "nang luong")),
        /** With diacritics. */
        ACCENTED(10, List.of("Phân số", "Đường tròn", "Quang hợp", "Thơ lục bát", "Bài giảng điện tử", "Tiết kiệm", "Phiếu học tập")),
        /** With a typo (letters swapped, doubled or missing). */
        TYPO(25, List.of("phna so", "duong trnon", "quang hpo", "nghi luna", "truyen kiue", "tam giacc", "lap trinh scrach", "phuong trnh",
                "nang luongg", "khi hau nhiet doi gio mua")),
        /** With filters: subject, grade, kind, and the district or city scope. */
        FILTERED(25, List.of("q=phan+so&grade=6", "q=bai+giang&subject=TOAN&grade=9", "q=video&kind=VIDEO", "q=de+kiem+tra&kind=TEST_PAPER&grade=8",
                "q=phan+so&scope=district", "q=nang+luong&scope=city", "subject=NGU_VAN&grade=7", "q=thi+nghiem&subject=KHTN&kind=SIMULATION"));

        final int weight;
        final List<String> queries;

        Kind(int weight, List<String> queries) {
            this.weight = weight;
            this.queries = queries;
        }
    }

    /** {@code material-search --base=URL --tokens=FILE --users=50 --warmup=10 --seconds=60 --think-ms=1000}. */
    static int load(Bench.Options options) throws Exception {
        URI base = Loopback.base(options.required("base"));
        List<BenchTokens> tokens = BenchTokens.read(Path.of(options.required("tokens")), "load");
        int users = Math.min(options.integer("users", 50), tokens.size());
        int warmup = options.integer("warmup", 10);
        int seconds = options.integer("seconds", 60);
        int thinkMs = options.integer("think-ms", 1000);
        long maxRequests = options.number("max-requests", 1_000_000);
        HttpClient client = Loopback.client();

        Map<Kind, ConcurrentHistogram> histograms = new EnumMap<>(Kind.class);
        Map<Kind, LongAdder> errors = new EnumMap<>(Kind.class);
        Map<Kind, LongAdder> hitTotals = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            histograms.put(kind, new ConcurrentHistogram(60_000_000L, 3));
            errors.put(kind, new LongAdder());
            hitTotals.put(kind, new LongAdder());
        }
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long measureUntil = measureFrom + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(users);
        System.out.printf("== material search: %d users, think %d ms, warm-up %d s, measured %d s%n", users, thinkMs, warmup, seconds);
        for (int u = 0; u < users; u++) {
            BenchTokens token = tokens.get(u);
            long seed = 1000 + u;
            Thread.ofVirtual().start(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                try {
                    while (System.nanoTime() < measureUntil && sent.incrementAndGet() <= maxRequests) {
                        Kind kind = pick(random);
                        String query = kind.queries.get(random.nextInt(kind.queries.size()));
                        String params = kind == Kind.FILTERED ? query : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
                        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/schools/" + token.schoolId() + "/materials/search?" + params))
                                .header("Authorization", "Bearer " + token.token()).GET().build();
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= measureUntil) {
                            histograms.get(kind).recordValue(Math.max(1, (t1 - t0) / 1_000));
                            if (response.statusCode() != 200) {
                                errors.get(kind).increment();
                                if (errorSamples.size() < 5) {
                                    errorSamples.add(response.statusCode() + " " + response.body().substring(0, Math.min(200, response.body().length())));
                                }
                            } else {
                                JsonNode result = JSON.readTree(response.body());
                                hitTotals.get(kind).add(result.get("total").asLong());
                            }
                        }
                        if (thinkMs > 0) {
                            Thread.sleep(thinkMs / 2 + random.nextInt(thinkMs + 1));
                        }
                    }
                } catch (Exception e) {
                    if (errorSamples.size() < 5) {
                        errorSamples.add(e.toString());
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        Histogram all = new Histogram(60_000_000L, 3);
        System.out.printf("%-10s %8s %8s %9s %9s %9s %9s %7s %12s%n", "query", "count", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "avg total");
        long errorCount = 0;
        for (Kind kind : Kind.values()) {
            Histogram h = histograms.get(kind);
            all.add(h);
            long n = h.getTotalCount();
            errorCount += errors.get(kind).sum();
            System.out.printf("%-10s %8d %8.1f %9.1f %9.1f %9.1f %9.1f %7d %12.0f%n", kind, n, n / (double) seconds, h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, errors.get(kind).sum(),
                    n == 0 ? 0.0 : hitTotals.get(kind).sum() / (double) Math.max(1, n - errors.get(kind).sum()));
        }
        System.out.printf("%-10s %8d %8.1f %9.1f %9.1f %9.1f %9.1f %7d%n", "ALL", all.getTotalCount(), all.getTotalCount() / (double) seconds,
                all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(95) / 1000.0, all.getValueAtPercentile(99) / 1000.0,
                all.getMaxValue() / 1000.0, errorCount);
        double p95 = all.getValueAtPercentile(95) / 1000.0;
        System.out.printf("material search p95 %.1f ms against the 50 ms target: %s%n", p95, p95 < 50 ? "met" : "NOT met");
        errorSamples.forEach(e -> System.out.println("  error sample: " + e));
        return errorCount == 0 ? 0 : 1;
    }

    private static Kind pick(SplittableRandom random) {
        int total = 0;
        for (Kind kind : Kind.values()) {
            total += kind.weight;
        }
        int roll = random.nextInt(total);
        for (Kind kind : Kind.values()) {
            roll -= kind.weight;
            if (roll < 0) {
                return kind;
            }
        }
        return Kind.FOLDED;
    }
}
