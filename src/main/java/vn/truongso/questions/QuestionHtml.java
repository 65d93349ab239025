package vn.truongso.questions;

import java.util.function.UnaryOperator;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.web.util.HtmlUtils;

import vn.truongso.questions.model.Content;

/**
 * Question text as HTML that is safe to put in a page: imported files (Moodle XML, QTI, GIFT's [html]) carry HTML
 * written elsewhere, so it is cleaned against an allowlist (no scripts, handlers, styles or foreign frames). Formulas
 * stay as LaTeX text for the browser to typeset; {@code blob:SHA256} image and audio references become URLs the caller
 * serves.
 */
public final class QuestionHtml {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .addTags("audio", "source", "figure", "figcaption", "hr", "s", "small")
            .addAttributes("audio", "controls", "src")
            .addAttributes("source", "src", "type")
            .addAttributes("td", "rowspan", "colspan")
            .addAttributes("th", "rowspan", "colspan")
            .removeProtocols("img", "src", "http", "https")
            .preserveRelativeLinks(false);

    private QuestionHtml() {
    }

    /**
     * The content as safe HTML. {@code blobUrl} maps a {@code blob:SHA256} reference to the URL that serves it; other
     * image sources (remote addresses, data URLs) are dropped.
     */
    public static String toSafeHtml(Content content, UnaryOperator<String> blobUrl) {
        if (content == null || content.isBlank()) {
            return "";
        }
        if (Content.PLAIN.equals(content.format()) || Content.MARKDOWN.equals(content.format())) {
            return HtmlUtils.htmlEscape(content.text(), "UTF-8").replace("\n", "<br>");
        }
        String html = Content.MOODLE.equals(content.format()) && !content.text().contains("<")
                ? content.text().replace("\n", "<br>") : content.text();
        Document dirty = Jsoup.parseBodyFragment(html);
        for (Element media : dirty.select("img[src], audio[src], source[src]")) {
            String src = media.attr("src");
            if (src.startsWith("blob:")) {
                media.attr("src", blobUrl.apply(src));
            } else {
                media.removeAttr("src");
            }
        }
        Document clean = new Cleaner(ALLOWED).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
