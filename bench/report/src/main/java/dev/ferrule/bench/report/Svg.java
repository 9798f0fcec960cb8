package dev.ferrule.bench.report;

import java.util.Locale;

/** Just enough SVG for two charts, written so that the same data gives the same bytes. */
final class Svg {

    /** One colour per series, distinguishable in print and for common colour-blindness. */
    static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000"};

    private final StringBuilder body = new StringBuilder();
    private final int width;
    private final int height;

    Svg(int width, int height) {
        this.width = width;
        this.height = height;
    }

    static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        body.append("  <line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(num(strokeWidth)).append("\"/>\n");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String title) {
        body.append("  <rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append("\" fill=\"").append(fill).append('"');
        if (title == null) {
            body.append("/>\n");
        } else {
            body.append("><title>").append(escape(title)).append("</title></rect>\n");
        }
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, String title) {
        body.append("  <circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
                .append(num(r)).append("\" fill=\"").append(fill).append("\"><title>").append(escape(title))
                .append("</title></circle>\n");
        return this;
    }

    Svg polyline(double[] xs, double[] ys, String stroke) {
        body.append("  <polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"2.0\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            body.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        body.append("\"/>\n");
        return this;
    }

    /** {@code anchor}: start, middle or end. */
    Svg text(double x, double y, String text, String anchor, int size) {
        body.append("  <text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" font-size=\"").append(size).append("\">").append(escape(text))
                .append("</text>\n");
        return this;
    }

    String render(String title) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"sans-serif\">\n"
                + "  <title>" + escape(title) + "</title>\n"
                + "  <rect x=\"0\" y=\"0\" width=\"" + width + "\" height=\"" + height + "\" fill=\"#ffffff\"/>\n"
                + body + "</svg>\n";
    }
}
