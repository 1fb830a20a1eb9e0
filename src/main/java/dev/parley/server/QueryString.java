package dev.parley.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Splits a request target into its path and decoded query parameters. */
record QueryString(String path, Map<String, String> parameters) {

    /**
     * Parses {@code /path?a=1&b=x%20y}. A repeated parameter keeps its first value; {@code +} is a space.
     *
     * @throws RequestException 400 when a parameter is not valid percent-encoded UTF-8
     */
    static QueryString parse(String target) throws RequestException {
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : target.substring(question + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                parameters.putIfAbsent(name, value);
            }
        }
        return new QueryString(path, parameters);
    }

    /**
     * The target with the value of every parameter that {@link #parse} would read as {@code token}
     * hidden, for log lines. Names are compared decoded, as {@code parse} reads them, so
     * {@code ?%74oken=} is hidden too; a name that does not decode is hidden as well, since its
     * request is refused and its value may be a token sent by mistake.
     */
    static String redacted(String target) {
        int question = target.indexOf('?');
        if (question < 0) {
            return target;
        }
        StringBuilder out = new StringBuilder(target.length()).append(target, 0, question + 1);
        String[] pairs = target.substring(question + 1).split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i];
            int equals = pair.indexOf('=');
            out.append(i == 0 ? "" : "&");
            if (equals >= 0 && hidesToken(pair.substring(0, equals))) {
                out.append(pair, 0, equals + 1).append("<redacted>");
            } else {
                out.append(pair);
            }
        }
        return out.toString();
    }

    private static boolean hidesToken(String rawName) {
        try {
            return decode(rawName).equals("token");
        } catch (RequestException e) {
            return true;
        }
    }

    /** Percent-decodes strictly: a bad escape or bytes that are not UTF-8 are refused, not replaced. */
    private static String decode(String text) throws RequestException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw new RequestException(400, "the query string is not valid percent-encoding near '"
                            + text.substring(i, Math.min(text.length(), i + 3)) + "'");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                int codePoint = text.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RequestException(400, "the query string is not valid percent-encoding of UTF-8 text");
        }
    }
}
