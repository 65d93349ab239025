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
-- columns), so the materials code needs no hook. Weights: A the title, B the description, C the files' text (its first
-- 200,000 characters: a tsvector is limited to 1 MB). The 'simple' configuration keeps every word as typed: Vietnamese
-- words are syllables, no stemming applies.
ALTER TABLE material_version
    ADD COLUMN title_folded text GENERATED ALWAYS AS (truongso_fold(title)) STORED,
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, truongso_fold(title)), 'A')
        || setweight(to_tsvector('simple'::regconfig, truongso_fold(description)), 'B')
        || setweight(to_tsvector('simple'::regconfig, coalesce(truongso_fold(left(search_text, 200000)), '')), 'C')) STORED;

CREATE INDEX material_version_search ON material_version USING gin (search_vector);
-- Typo tolerance: trigram similarity of the query to the words of the folded title.
CREATE INDEX material_version_title_trgm ON material_version USING gin (title_folded gin_trgm_ops);
