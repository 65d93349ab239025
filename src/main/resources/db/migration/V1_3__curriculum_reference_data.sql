-- CT GDPT 2018 reference data: subjects of grades 1-12, periods per school year (35 weeks), compulsory or elective,
-- assessment mode per grade, and the cognitive-level schemes.
--
-- PROVENANCE. The periods per year are those of the programme's teaching plan (Thông tư 32/2018/TT-BGDĐT, "Kế hoạch
-- giáo dục") as given in the project's domain notes (shared/domain.md §11). Those notes mark them as recalled from
-- memory and cross-checked against two public encodings; Công nghệ grade 8 (52) is the least certain. Two values are
-- NOT in the notes and were added here from the same programme table: Ngoại ngữ 1 as an elective in grades 1-2 with
-- 70 periods, and the primary name "Hoạt động trải nghiệm" for HDTN. Comment-only subjects under Circular 22 follow
-- domain.md §1.2 (Đ5); the primary subjects with periodic tests follow §2 (Circular 27 Đ7, "môn học bắt buộc").
-- All of it is EDITABLE REFERENCE DATA: correct it with a later migration (or an admin tool) once the official
-- tables are checked; nothing in the code hard-codes these figures. Learning topics of grades 10-12 (chuyên đề học
-- tập, 35 periods for each of three subjects) are not subjects and are not modelled here.

-- The assessment mode depends on the grade (Toán is tested under Circular 27 in grade 3 and marked under Circular 22
-- in grade 7), so it moves from subject to subject_grade. A grade may also carry its own names for the subject.
ALTER TABLE subject DROP COLUMN assessment_mode;
-- The programme's order of subjects (Tiếng Việt / Ngữ văn, Toán, Ngoại ngữ, …), used to list them; subjects that an
-- office adds later sort after the national ones.
ALTER TABLE subject ADD COLUMN position smallint NOT NULL DEFAULT 1000;

ALTER TABLE subject_grade
    ADD COLUMN assessment_mode text NOT NULL
        CHECK (assessment_mode IN ('MARK', 'COMMENT', 'PRIMARY_LEVELS', 'PRIMARY_LEVELS_AND_TEST')),
    ADD COLUMN name_vi text,
    ADD COLUMN name_en text,
    -- Grades 1-5 are assessed under Circular 27, grades 6-12 under Circular 22.
    ADD CONSTRAINT subject_grade_mode_matches_level
        CHECK ((grade <= 5) = (assessment_mode IN ('PRIMARY_LEVELS', 'PRIMARY_LEVELS_AND_TEST')));
CREATE INDEX subject_grade_by_grade ON subject_grade (grade);

-- Other names people type for a subject (the importer and Curriculum.codeForName match them without diacritics).
CREATE TABLE subject_alias (
    subject_code text NOT NULL REFERENCES subject (code),
    name_vi      text NOT NULL,
    PRIMARY KEY (subject_code, name_vi)
);

CREATE INDEX topic_in_order ON topic (subject_code, grade, position);
CREATE INDEX required_outcome_in_order ON required_outcome (topic_id, position);

ALTER TABLE cognitive_level
    ADD COLUMN description_vi text,
    ADD COLUMN description_en text;

-- Subjects.
INSERT INTO subject (code, position, name_vi, name_en) VALUES
    ('TIENG_VIET',         1, 'Tiếng Việt',                          'Vietnamese'),
    ('NGU_VAN',            2, 'Ngữ văn',                             'Literature'),
    ('TOAN',               3, 'Toán',                                'Mathematics'),
    ('NGOAI_NGU_1',        4, 'Ngoại ngữ 1',                         'Foreign language 1'),
    ('DAO_DUC',            5, 'Đạo đức',                             'Ethics'),
    ('TNXH',               6, 'Tự nhiên và Xã hội',                  'Nature and society'),
    ('LICH_SU_DIA_LI',     7, 'Lịch sử và Địa lí',                   'History and geography'),
    ('KHOA_HOC',           8, 'Khoa học',                            'Science'),
    ('TIN_HOC_CONG_NGHE',  9, 'Tin học và Công nghệ',                'Informatics and technology'),
    ('GDCD',              10, 'Giáo dục công dân',                   'Civic education'),
    ('KHTN',              11, 'Khoa học tự nhiên',                   'Natural sciences'),
    ('CONG_NGHE',         12, 'Công nghệ',                           'Technology'),
    ('TIN_HOC',           13, 'Tin học',                             'Informatics'),
    ('LICH_SU',           14, 'Lịch sử',                             'History'),
    ('DIA_LI',            15, 'Địa lí',                              'Geography'),
    ('GDKT_PL',           16, 'Giáo dục kinh tế và pháp luật',       'Economic and legal education'),
    ('VAT_LI',            17, 'Vật lí',                              'Physics'),
    ('HOA_HOC',           18, 'Hóa học',                             'Chemistry'),
    ('SINH_HOC',          19, 'Sinh học',                            'Biology'),
    ('GDTC',              20, 'Giáo dục thể chất',                   'Physical education'),
    ('NGHE_THUAT',        21, 'Nghệ thuật',                          'Arts'),
    ('AM_NHAC',           22, 'Âm nhạc',                             'Music'),
    ('MI_THUAT',          23, 'Mĩ thuật',                            'Fine arts'),
    ('GDQP_AN',           24, 'Giáo dục quốc phòng và an ninh',      'National defence and security education'),
    ('HDTN',              25, 'Hoạt động trải nghiệm, hướng nghiệp', 'Experiential and career-guidance activities'),
    ('GDDP',              26, 'Nội dung giáo dục của địa phương',    'Local education content');

INSERT INTO subject_alias (subject_code, name_vi) VALUES
    ('NGOAI_NGU_1', 'Ngoại ngữ'),
    ('NGOAI_NGU_1', 'Tiếng Anh'),
    ('GDTC',        'Thể dục'),
    ('HDTN',        'Hoạt động trải nghiệm'),
    ('HDTN',        'HĐTN, HN'),
    ('HDTN',        'HĐTNHN'),
    ('GDDP',        'Giáo dục địa phương'),
    ('GDDP',        'Nội dung giáo dục địa phương'),
    ('GDKT_PL',     'GDKTPL'),
    ('GDQP_AN',     'GDQPAN'),
    ('GDQP_AN',     'Giáo dục quốc phòng an ninh'),
    ('LICH_SU_DIA_LI', 'LS&ĐL'),
    ('LICH_SU_DIA_LI', 'LSĐL');

-- subject_grade rows: (code, first grade, last grade, periods, compulsory, mode[, grade-specific names]).
INSERT INTO subject_grade (subject_code, grade, periods_per_year, compulsory, assessment_mode, name_vi, name_en)
SELECT r.code, g, r.periods, r.compulsory, r.mode, r.name_vi, r.name_en
FROM (VALUES
    -- Primary, grades 1-5 (Circular 27). Tested subjects: Tiếng Việt, Toán, Ngoại ngữ 1, Lịch sử và Địa lí, Khoa học,
    -- Tin học và Công nghệ (domain.md §2). Elective Ngoại ngữ 1 in grades 1-2 is taken as untested (the circular
    -- names the compulsory subjects).
    ('TIENG_VIET',        1,  1, 420, true,  'PRIMARY_LEVELS_AND_TEST', NULL, NULL),
    ('TIENG_VIET',        2,  2, 350, true,  'PRIMARY_LEVELS_AND_TEST', NULL, NULL),
    ('TIENG_VIET',        3,  5, 245, true,  'PRIMARY_LEVELS_AND_TEST', NULL, NULL),
    ('TOAN',              1,  1, 105, true,  'PRIMARY_LEVELS_AND_TEST', NULL, NULL),
    ('TOAN',              2,  5, 175, true,  'PRIMARY_LEVELS_AND_TEST', NULL, NULL),
    ('NGOAI_NGU_1',       1,  2,  70, false, 'PRIMARY_LEVELS',          NULL, NULL),
    ('NGOAI_NGU_1',       3,  5, 140, true,  'PRIMARY_LEVELS_AND_TEST', NULL, NULL),
    ('DAO_DUC',           1,  5,  35, true,  'PRIMARY_LEVELS',          NULL, NULL),
    ('TNXH',              1,  3,  70, true,  'PRIMARY_LEVELS',          NULL, NULL),
    ('LICH_SU_DIA_LI',    4,  5,  70, true,  'PRIMARY_LEVELS_AND_TEST', NULL, NULL),
    ('KHOA_HOC',          4,  5,  70, true,  'PRIMARY_LEVELS_AND_TEST', NULL, NULL),
    ('TIN_HOC_CONG_NGHE', 3,  5,  70, true,  'PRIMARY_LEVELS_AND_TEST', NULL, NULL),
    ('GDTC',              1,  5,  70, true,  'PRIMARY_LEVELS',          NULL, NULL),
    ('NGHE_THUAT',        1,  5,  70, true,  'PRIMARY_LEVELS',          'Nghệ thuật (Âm nhạc, Mĩ thuật)', 'Arts (music, fine arts)'),
    ('HDTN',              1,  5, 105, true,  'PRIMARY_LEVELS',          'Hoạt động trải nghiệm', 'Experiential activities'),
    -- Lower secondary, grades 6-9 (Circular 22). Comment only: GDTC, Nghệ thuật, HĐTN-HN, GDĐP (domain.md §1.2).
    ('NGU_VAN',           6,  9, 140, true,  'MARK',    NULL, NULL),
    ('TOAN',              6,  9, 140, true,  'MARK',    NULL, NULL),
    ('NGOAI_NGU_1',       6,  9, 105, true,  'MARK',    NULL, NULL),
    ('GDCD',              6,  9,  35, true,  'MARK',    NULL, NULL),
    ('LICH_SU_DIA_LI',    6,  9, 105, true,  'MARK',    NULL, NULL),
    ('KHTN',              6,  9, 140, true,  'MARK',    NULL, NULL),
    ('CONG_NGHE',         6,  7,  35, true,  'MARK',    NULL, NULL),
    ('CONG_NGHE',         8,  9,  52, true,  'MARK',    NULL, NULL),
    ('TIN_HOC',           6,  9,  35, true,  'MARK',    NULL, NULL),
    ('GDTC',              6,  9,  70, true,  'COMMENT', NULL, NULL),
    ('NGHE_THUAT',        6,  9,  70, true,  'COMMENT', 'Nghệ thuật (Âm nhạc, Mĩ thuật)', 'Arts (music, fine arts)'),
    ('HDTN',              6,  9, 105, true,  'COMMENT', NULL, NULL),
    ('GDDP',              6,  9,  35, true,  'COMMENT', NULL, NULL),
    -- Upper secondary, grades 10-12 (Circular 22): compulsory subjects, then the electives (70 periods each, four
    -- chosen). Âm nhạc and Mĩ thuật are comment only.
    ('NGU_VAN',          10, 12, 105, true,  'MARK',    NULL, NULL),
    ('TOAN',             10, 12, 105, true,  'MARK',    NULL, NULL),
    ('NGOAI_NGU_1',      10, 12, 105, true,  'MARK',    NULL, NULL),
    ('LICH_SU',          10, 12,  52, true,  'MARK',    NULL, NULL),
    ('GDTC',             10, 12,  70, true,  'COMMENT', NULL, NULL),
    ('GDQP_AN',          10, 12,  35, true,  'MARK',    NULL, NULL),
    ('HDTN',             10, 12, 105, true,  'COMMENT', NULL, NULL),
    ('GDDP',             10, 12,  35, true,  'COMMENT', NULL, NULL),
    ('DIA_LI',           10, 12,  70, false, 'MARK',    NULL, NULL),
    ('GDKT_PL',          10, 12,  70, false, 'MARK',    NULL, NULL),
    ('VAT_LI',           10, 12,  70, false, 'MARK',    NULL, NULL),
    ('HOA_HOC',          10, 12,  70, false, 'MARK',    NULL, NULL),
    ('SINH_HOC',         10, 12,  70, false, 'MARK',    NULL, NULL),
    ('CONG_NGHE',        10, 12,  70, false, 'MARK',    NULL, NULL),
    ('TIN_HOC',          10, 12,  70, false, 'MARK',    NULL, NULL),
    ('AM_NHAC',          10, 12,  70, false, 'COMMENT', NULL, NULL),
    ('MI_THUAT',         10, 12,  70, false, 'COMMENT', NULL, NULL)
) AS r(code, first_grade, last_grade, periods, compulsory, mode, name_vi, name_en)
CROSS JOIN LATERAL generate_series(r.first_grade, r.last_grade) AS g;

-- Cognitive-level schemes.
INSERT INTO cognitive_scheme (code, name_vi, name_en) VALUES
    ('BHV',          'Biết – Hiểu – Vận dụng (CV 7991/BGDĐT-GDTrH, 2024)', 'Know – Understand – Apply (MOET letter 7991, 2024)'),
    ('NB_TH_VD_VDC', 'Nhận biết – Thông hiểu – Vận dụng – Vận dụng cao',   'Recognise – Comprehend – Apply – Apply at a higher level'),
    ('PRIMARY_3',    'Mức 1 – Mức 2 – Mức 3 (Thông tư 27/2020)',          'Levels 1–3 (Circular 27/2020, primary)');

INSERT INTO cognitive_level (scheme_code, rank, code, name_vi, name_en, description_vi, description_en) VALUES
    ('BHV', 1, 'BIET',     'Biết',     'Know',       NULL, NULL),
    ('BHV', 2, 'HIEU',     'Hiểu',     'Understand', NULL, NULL),
    ('BHV', 3, 'VAN_DUNG', 'Vận dụng', 'Apply',      NULL, NULL),
    ('NB_TH_VD_VDC', 1, 'NHAN_BIET',    'Nhận biết',    'Recognise',                NULL, NULL),
    ('NB_TH_VD_VDC', 2, 'THONG_HIEU',   'Thông hiểu',   'Comprehend',               NULL, NULL),
    ('NB_TH_VD_VDC', 3, 'VAN_DUNG',     'Vận dụng',     'Apply',                    NULL, NULL),
    ('NB_TH_VD_VDC', 4, 'VAN_DUNG_CAO', 'Vận dụng cao', 'Apply at a higher level',  NULL, NULL),
    -- Circular 27 Đ7 k1 (domain.md §2), summarised.
    ('PRIMARY_3', 1, 'MUC_1', 'Mức 1', 'Level 1',
        'Nhận biết, nhắc lại, mô tả nội dung đã học và áp dụng trực tiếp vào tình huống quen thuộc.',
        'Recognise, recall or describe what was learned and apply it directly to familiar situations.'),
    ('PRIMARY_3', 2, 'MUC_2', 'Mức 2', 'Level 2',
        'Kết nối, sắp xếp nội dung đã học để giải quyết vấn đề có nội dung tương tự.',
        'Connect and arrange what was learned to solve similar problems.'),
    ('PRIMARY_3', 3, 'MUC_3', 'Mức 3', 'Level 3',
        'Vận dụng nội dung đã học để giải quyết vấn đề mới hoặc đưa ra phản hồi hợp lí.',
        'Apply what was learned to new problems or give reasonable responses.');
