package dev.parley.chat;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** The form of conversation ids, and new ones for conversations started without an id. */
public final class ConversationIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConversationIds() {
    }

    /** Whether {@code id} is 1 to 64 characters of {@code [A-Za-z0-9_-]}; this also keeps ids safe as file names. */
    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /** A new random id such as {@code c-8kq3x7mz2wnd}. */
    public static String newId() {
        StringBuilder id = new StringBuilder("c-");
        for (int i = 0; i < 12; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
