package io.lead360.analytics.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The report's pages: a cursor ({@link #y}) that moves down the page and opens a new one when the current
 * one is full, lines and wrapped paragraphs of text in the standard fonts, and filled bars. Text the fonts
 * cannot encode is replaced, so user text is always written as text and never breaks the document.
 */
final class PdfPages {

    static final PDRectangle PAGE = PDRectangle.A4;
    /** Blank border on every side of a page, in points. */
    static final float MARGIN = 56;
    /** Font size of body text; headings and labels are sized from it. */
    static final float BODY = 11;
    /** Distance between baselines as a multiple of the font size. */
    static final float LEADING = 1.45f;
    /** Width of the text column between the margins. */
    static final float TEXT_WIDTH = PAGE.getWidth() - 2 * MARGIN;

    /** A bar of zero is still drawn, as a hairline. */
    private static final float THINNEST_BAR = 0.5f;
    /** A standard font's widths are in thousandths of its size. */
    private static final float GLYPH_UNITS_PER_EM = 1000;

    final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private final PDDocument document;
    private PDPageContentStream content;
    /** The cursor: the baseline the next line goes below. */
    float y;

    PdfPages(PDDocument document) {
        this.document = document;
    }

    void newPage() throws IOException {
        close();
        var page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    void ensureRoom(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    void skip(float height) {
        y -= height;
    }

    void line(String text, PDType1Font font, float size) throws IOException {
        ensureRoom(size * LEADING);
        y -= size * LEADING;
        text(text, font, size, MARGIN, y);
    }

    void paragraph(String text) throws IOException {
        for (String line : wrap(printable(text, regular), regular, BODY, TEXT_WIDTH)) {
            line(line, regular, BODY);
        }
    }

    void text(String text, PDType1Font font, float size, float x, float atY) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, atY);
        content.showText(printable(text, font));
        content.endText();
    }

    void bar(float x, float atY, float width, float height, Color colour) throws IOException {
        content.setNonStrokingColor(colour);
        content.addRect(x, atY, Math.max(width, THINNEST_BAR), height);
        content.fill();
        content.setNonStrokingColor(Color.BLACK);
    }

    void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    /** Replaces what the standard font cannot encode (control characters, most non-Latin text). */
    static String printable(String text, PDType1Font font) throws IOException {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = Character.isWhitespace(cp) ? " " : new String(Character.toChars(cp));
            out.append(encodable(ch, font) ? ch : "?");
        });
        return out.toString();
    }

    private static boolean encodable(String ch, PDType1Font font) {
        try {
            font.encode(ch);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        // A single word wider than the page (no spaces) is cut into pieces.
        var fitted = new ArrayList<String>();
        for (String l : lines) {
            String rest = l;
            while (width(rest, font, size) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
                    cut--;
                }
                fitted.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            fitted.add(rest);
        }
        return fitted;
    }

    private static float width(String text, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(text) / GLYPH_UNITS_PER_EM * size;
    }
}
