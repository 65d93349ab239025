-- Full-text search of learning materials (kho học liệu số): titles, descriptions and the text extracted from files.
--
-- Search compares folded text: lower case, without diacritics, đ as d, white space collapsed, exactly as
-- vn.truongso.platform.VietnameseText.fold does in Java (the test MaterialSearchFoldTest holds the two together). We do not
-- use the unaccent extension: its rules leave some letters (and đ/Đ depending on the rules file) different from our
-- fold, and unaccent() is not IMMUTABLE, so it cannot feed a generated column. The table below maps every precomposed
-- Latin letter with a mark (Latin-1, Latin Extended-A/B, Latin Extended Additional, which hold all Vietnamese letters)
-- to its base letter; the regexp afterwards drops any combining mark left in decomposed input.
CREATE FUNCTION truongso_fold(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN btrim(regexp_replace(lower(regexp_replace(translate(normalize(t, NFC),
        'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ',
        'aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyyaabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwyaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy'),
        '[\u0300-\u036f]', '', 'g')), '\s+', ' ', 'g'));

-- Maintained by PostgreSQL itself whenever a version's title, description or extracted file text changes (generated
-- columns), so the materials code needs no hook. search_vector holds the title (weight A) and the description (B): it is
-- small, so ranking reads it cheaply; file_vector holds the files' text (its first 200,000 characters: a tsvector is
-- limited to 1 MB) and is only matched, never ranked, so a search does not decompress large vectors for every hit.
-- The 'simple' configuration keeps every word as typed: Vietnamese words are syllables, no stemming applies.
ALTER TABLE material_version
    ADD COLUMN title_folded text GENERATED ALWAYS AS (truongso_fold(title)) STORED,
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, truongso_fold(title)), 'A')
        || setweight(to_tsvector('simple'::regconfig, truongso_fold(description)), 'B')) STORED,
    ADD COLUMN file_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, coalesce(truongso_fold(left(search_text, 200000)), ''))) STORED;

CREATE INDEX material_version_search ON material_version USING gin (search_vector);
CREATE INDEX material_version_file_search ON material_version USING gin (file_vector);
-- Ranking adds the trigram word similarity of the query to the folded title (computed on the matched rows only).

-- Typo tolerance: the vocabulary of the folded titles' words. A query word that is no word (nor the beginning of one) of
-- any title is widened to the vocabulary's words like it: by trigram similarity ("trnon" → "tron", "luongg" → "luong")
-- or by the same letters in another order, which trigrams miss on short syllables ("phna" → "phan"). Words are never
-- removed: a word no title uses any more only widens a query to nothing.
CREATE FUNCTION truongso_letters(w text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN (SELECT string_agg(c, '' ORDER BY c COLLATE "C") FROM regexp_split_to_table(w, '') AS c);

CREATE TABLE material_search_word (
    word     text COLLATE "C" PRIMARY KEY,
    letters  text NOT NULL
);
CREATE INDEX material_search_word_trgm ON material_search_word USING gin (word gin_trgm_ops);
CREATE INDEX material_search_word_letters ON material_search_word (letters);

CREATE FUNCTION material_search_words() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO material_search_word (word, letters)
    SELECT DISTINCT w, truongso_letters(w) FROM regexp_split_to_table(NEW.title_folded, '[^[:alnum:]]+') AS w WHERE length(w) >= 2
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER material_version_search_words AFTER INSERT OR UPDATE OF title ON material_version
    FOR EACH ROW EXECUTE FUNCTION material_search_words();

INSERT INTO material_search_word (word, letters)
SELECT DISTINCT w, truongso_letters(w) FROM material_version, regexp_split_to_table(title_folded, '[^[:alnum:]]+') AS w WHERE length(w) >= 2
ON CONFLICT DO NOTHING;
