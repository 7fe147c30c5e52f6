package dev.isthmus.ffi;

/**
 * A C complex number ({@code float _Complex}, {@code double _Complex}) as a Java value:
 * what calls return for those types and accept for them (C11 6.2.5p13 lays one out as
 * the real part followed by the imaginary part).
 */
public record Complex(double re, double im) {
    @Override
    public String toString() {
        return re + (im < 0 || Double.compare(im, -0.0) == 0 ? "" : "+") + im + "i";
    }
}
