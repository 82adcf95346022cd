package io.r1kit.scene.npy;

import io.r1kit.Excerpt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header dictionary of a {@code .npy} file, e.g.
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (50000, 6), }}. NumPy writes it as a
 * Python literal; this parses the small subset it uses (strings, booleans, tuples of integers).
 */
record NpyHeader(String descr, boolean fortranOrder, int[] shape) {

    /** Most dimensions of an array (NumPy's own limit). */
    static final int MAX_DIMENSIONS = 64;

    /** Parses the dictionary text; the message of the exception says what is malformed. */
    static NpyHeader parse(String text) {
        Parser p = new Parser(text.strip());
        Map<String, Object> dict = p.dict();
        p.end();
        Object descr = dict.get("descr");
        Object fortran = dict.get("fortran_order");
        Object shape = dict.get("shape");
        if (descr == null || fortran == null || shape == null || dict.size() != 3) {
            throw new IllegalArgumentException("header must hold exactly the keys descr, fortran_order and shape: "
                    + Excerpt.of(text.strip(), 100));
        }
        if (descr instanceof List) {
            throw new IllegalArgumentException("unsupported dtype: structured arrays (descr is a list of fields)");
        }
        if (!(descr instanceof String d)) {
            throw new IllegalArgumentException("descr is not a string: " + Excerpt.of(text.strip(), 100));
        }
        if (!(fortran instanceof Boolean f)) {
            throw new IllegalArgumentException("fortran_order is not True or False: " + Excerpt.of(text.strip(), 100));
        }
        if (!(shape instanceof int[] s)) {
            throw new IllegalArgumentException("shape is not a tuple of integers: " + Excerpt.of(text.strip(), 100));
        }
        return new NpyHeader(d, f, s);
    }

    /** The header text NumPy would write, without padding. */
    String format() {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': " + NpyShape.text(shape) + ", }";
    }

    /** A recursive-descent reader over the Python literal subset of .npy headers. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Map<String, Object> dict() {
            expect('{');
            Map<String, Object> map = new HashMap<>();
            while (peek() != '}') {
                Object key = value();
                if (!(key instanceof String k)) {
                    throw error("a dictionary key is not a string");
                }
                expect(':');
                map.put(k, value());
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            pos++;
            return map;
        }

        Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                int close = s.indexOf(c, pos + 1);
                if (close < 0) {
                    throw error("unterminated string");
                }
                String v = s.substring(pos + 1, close);
                pos = close + 1;
                return v;
            }
            if (c == '(') {
                return tuple();
            }
            if (c == '[') {
                skipBracketed();
                return List.of();
            }
            for (String word : new String[] {"True", "False"}) {
                if (s.startsWith(word, pos)) {
                    pos += word.length();
                    return word.equals("True");
                }
            }
            throw error("unexpected " + (c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("character U+%04X", (int) c)));
        }

        private int[] tuple() {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            while (peek() != ')') {
                int start = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (start == pos) {
                    throw error("a shape entry is not a non-negative integer");
                }
                String digits = s.substring(start, pos);
                if (pos < s.length() && s.charAt(pos) == 'L') {
                    pos++; // Python 2 long literal, as in files written by old NumPy
                }
                if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
                    throw error("shape entry " + digits + " is too large");
                }
                dims.add(Integer.parseInt(digits));
                if (dims.size() > MAX_DIMENSIONS) {
                    throw error("a shape of more than " + MAX_DIMENSIONS + " dimensions");
                }
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ')') {
                    throw error("expected ',' or ')' in shape");
                }
            }
            pos++;
            return dims.stream().mapToInt(Integer::intValue).toArray();
        }

        private void skipBracketed() {
            int depth = 0;
            do {
                char c = s.charAt(pos++);
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            } while (depth > 0 && pos < s.length());
        }

        void end() {
            skipSpace();
            if (pos != s.length()) {
                throw error("text after the dictionary");
            }
        }

        private char peek() {
            skipSpace();
            if (pos >= s.length()) {
                throw error("header ends early");
            }
            return s.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            int from = Math.max(0, pos - 30);
            String shown = s.length() <= 100 ? Excerpt.of(s, 100) : (from > 0 ? "..." : "") + Excerpt.of(s.substring(from));
            return new IllegalArgumentException("malformed header (" + what + " at character " + pos + "): " + shown);
        }
    }
}
