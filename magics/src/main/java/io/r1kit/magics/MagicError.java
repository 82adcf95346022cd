package io.r1kit.magics;

/**
 * A magic's refusal: the message is all the user needs (what was wrong, and the usage), so it carries no
 * stack trace for the kernel to print.
 */
final class MagicError extends RuntimeException {

    MagicError(String message) {
        super(message, null, false, false);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
