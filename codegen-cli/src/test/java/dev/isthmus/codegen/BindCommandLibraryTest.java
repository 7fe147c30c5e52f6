package dev.isthmus.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.isthmus.codegen.GeneratedBindings.bind;
import static dev.isthmus.codegen.GeneratedBindings.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13: bindings of third-party libraries' real headers (the launcher installs their
 * development packages), compiled with {@code javac --release 22 -Xlint:all -Werror} and
 * called: libcurl's easy API fetching a {@code file://} URL into a Java write callback,
 * libpng's simplified API writing a PNG and reading it back, OpenSSL's EVP digests, and
 * libxml2 parsing a document and evaluating XPath over it.
 */
class BindCommandLibraryTest {

    @TempDir
    Path dir;

    @Test
    void libcurl_bindings_fetchAFileUrlThroughAJavaWriteCallback() throws Exception {
        Path page = dir.resolve("page.txt");
        Files.writeString(page, "fetched by libcurl through isthmus bind\n".repeat(100));
        Path curlHeaders = Stream.of(Path.of("/usr/include/curl"), Path.of("/usr/include/x86_64-linux-gnu/curl"),
                Path.of("/usr/include/aarch64-linux-gnu/curl")).filter(Files::isDirectory).findFirst().orElseThrow();
        Path out = dir.resolve("gen");
        bind("--package", "org.example.curl", "-l", "curl", "--output", out.toString(),
                curlHeaders.resolve("curl.h").toString(), curlHeaders.resolve("easy.h").toString());
        String result = compileAndRun(dir, out, "org.example.curl", """
                package org.example.curl;

                import java.lang.foreign.Arena;
                import java.lang.foreign.MemorySegment;
                import java.lang.foreign.ValueLayout;
                import java.io.ByteArrayOutputStream;

                @SuppressWarnings("restricted")
                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        try (Arena arena = Arena.ofConfined()) {
                            int initialised = Curl.curl_global_init(Curl.CURL_GLOBAL_DEFAULT);
                            MemorySegment easy = Curl.curl_easy_init();
                            Curl.CurlEasySetoptInvoker setPointer = Curl.curl_easy_setopt(ValueLayout.ADDRESS);
                            ByteArrayOutputStream received = new ByteArrayOutputStream();
                            MemorySegment write = CurlWriteCallback.allocate((buffer, size, count, user) -> {
                                received.writeBytes(buffer.reinterpret(size * count).toArray(ValueLayout.JAVA_BYTE));
                                return size * count;
                            }, arena);
                            setPointer.apply(easy, Curl.CURLOPT_URL, arena.allocateFrom("file://%s"));
                            setPointer.apply(easy, Curl.CURLOPT_WRITEFUNCTION, write);
                            int performed = Curl.curl_easy_perform(easy);
                            MemorySegment downloaded = arena.allocate(ValueLayout.JAVA_LONG);
                            int asked = Curl.curl_easy_getinfo(ValueLayout.ADDRESS).apply(easy, Curl.CURLINFO_SIZE_DOWNLOAD_T, downloaded);
                            setPointer.apply(easy, Curl.CURLOPT_URL, arena.allocateFrom("file://%s.missing"));
                            int missing = Curl.curl_easy_perform(easy);
                            String message = Curl.curl_easy_strerror(missing).reinterpret(256).getString(0);
                            Curl.curl_easy_cleanup(easy);
                            Curl.curl_global_cleanup();
                            return initialised + " " + performed + " " + received.toString().equals(
                                    "fetched by libcurl through isthmus bind\\n".repeat(100)) + " " + asked + " "
                                    + downloaded.get(ValueLayout.JAVA_LONG, 0) + " " + (missing == Curl.CURLE_FILE_COULDNT_READ_FILE)
                                    + " " + message;
                        }
                    }
                }
                """.formatted(page.toAbsolutePath(), page.toAbsolutePath()));
        assertEquals("0 0 true 0 4000 true Couldn't read a file:// file", result);
    }

    @Test
    void libpng_bindings_writeAPngAndReadItBack() throws Exception {
        Path image = dir.resolve("square.png");
        Path out = dir.resolve("gen");
        String report = bind("--package", "org.example.png", "-l", "png16", "--include-function", "^png_(image_|sig_cmp|access_version)",
                "--include-constant", "^PNG_(IMAGE_VERSION|FORMAT_|IMAGE_(SIZE|ROW_STRIDE|FAILED|PNG_SIZE_MAX)$)", "--output", out.toString(),
                "/usr/include/png.h");
        assertTrue(!report.contains("macro PNG_IMAGE"), report);
        String result = compileAndRun(dir, out, "org.example.png", """
                package org.example.png;

                import java.lang.foreign.Arena;
                import java.lang.foreign.MemorySegment;
                import java.lang.foreign.ValueLayout;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.Arrays;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() throws Exception {
                        try (Arena arena = Arena.ofConfined()) {
                            byte[] rgba = new byte[3 * 2 * 4];
                            for (int i = 0; i < rgba.length; i++) {
                                rgba[i] = (byte) (i * 37 + 5);
                            }
                            MemorySegment written = PngImage.allocate(arena);
                            PngImage.version(written, Png.PNG_IMAGE_VERSION);
                            PngImage.width(written, 3);
                            PngImage.height(written, 2);
                            PngImage.format(written, Png.PNG_FORMAT_RGBA);
                            MemorySegment file = arena.allocateFrom("%s");
                            int wrote = Png.png_image_write_to_file(written, file, 0, arena.allocateFrom(ValueLayout.JAVA_BYTE, rgba), 0,
                                    MemorySegment.NULL);
                            byte[] header = Arrays.copyOf(Files.readAllBytes(Path.of("%s")), 8);
                            int signature = Png.png_sig_cmp(arena.allocateFrom(ValueLayout.JAVA_BYTE, header), 0, 8);
                            MemorySegment read = PngImage.allocate(arena);
                            PngImage.version(read, Png.PNG_IMAGE_VERSION);
                            int begun = Png.png_image_begin_read_from_file(read, file);
                            String size = PngImage.width(read) + "x" + PngImage.height(read);
                            PngImage.format(read, Png.PNG_FORMAT_RGBA);
                            MemorySegment pixels = arena.allocate(Png.PNG_IMAGE_SIZE(read));
                            String sizes = Png.PNG_IMAGE_SIZE(read) + " " + Png.PNG_IMAGE_ROW_STRIDE(read) + " "
                                    + Png.PNG_IMAGE_FAILED(read) + " " + Png.PNG_IMAGE_PNG_SIZE_MAX(read);
                            // The sizes of the same image in 16-bit linear components, and as a colour map.
                            PngImage.format(read, Png.PNG_FORMAT_LINEAR_RGB_ALPHA);
                            sizes += " " + Png.PNG_IMAGE_SIZE(read) + " " + Png.PNG_IMAGE_ROW_STRIDE(read);
                            PngImage.format(read, Png.PNG_FORMAT_RGBA_COLORMAP);
                            sizes += " " + Png.PNG_IMAGE_SIZE(read) + " " + Png.PNG_IMAGE_ROW_STRIDE(read);
                            PngImage.format(read, Png.PNG_FORMAT_RGBA);
                            int finished = Png.png_image_finish_read(read, MemorySegment.NULL, pixels, 0, MemorySegment.NULL);
                            String warning = PngImage.message(read).getString(0);
                            Png.png_image_free(read);
                            return sizes + "\\n" + wrote + " " + signature + " " + begun + " " + size + " " + finished + " "
                                    + Arrays.equals(rgba, pixels.toArray(ValueLayout.JAVA_BYTE)) + " [" + warning + "] "
                                    + (Png.png_access_version_number() / 10000);
                        }
                    }
                }
                """.formatted(image.toAbsolutePath(), image.toAbsolutePath()));
        // The macros computing sizes from a png_image's members, as C computes them (PNG_IMAGE_PNG_SIZE_MAX
        // with pnglibconf.h's PNG_ZBUF_SIZE and a cast to png_alloc_size_t).
        String sizes = GeneratedBindings.ccOutput(dir, """
                #include <stdio.h>
                #include <png.h>
                int main(void) {
                  png_image image = { 0 };
                  image.width = 3;
                  image.height = 2;
                  image.format = PNG_FORMAT_RGBA;
                  printf("%lu %lu %d %lu", (unsigned long) PNG_IMAGE_SIZE(image), (unsigned long) PNG_IMAGE_ROW_STRIDE(image),
                         PNG_IMAGE_FAILED(image), (unsigned long) PNG_IMAGE_PNG_SIZE_MAX(image));
                  image.format = PNG_FORMAT_LINEAR_RGB_ALPHA;
                  printf(" %lu %lu", (unsigned long) PNG_IMAGE_SIZE(image), (unsigned long) PNG_IMAGE_ROW_STRIDE(image));
                  image.format = PNG_FORMAT_RGBA_COLORMAP;
                  printf(" %lu %lu\\n", (unsigned long) PNG_IMAGE_SIZE(image), (unsigned long) PNG_IMAGE_ROW_STRIDE(image));
                  return 0;
                }
                """);
        assertEquals(sizes + "\n1 0 1 3x2 1 true [] 1", result);
    }

    /** Also compiles EVP_PKEY_CTX_new, whose parameter {@code e} must not clash with the method's {@code catch (Throwable e)}. */
    @Test
    void openssl_bindings_digestWithEvp() throws Exception {
        Path out = dir.resolve("gen");
        bind("--package", "org.example.ssl", "-l", "crypto", "--include-function",
                "^EVP_(MD_CTX_new|MD_CTX_free|sha256|DigestInit_ex|DigestUpdate|DigestFinal_ex|PKEY_CTX_new)$", "--include-constant", "^EVP_MAX_MD_SIZE$",
                "--output", out.toString(), "/usr/include/openssl/evp.h");
        String result = compileAndRun(dir, out, "org.example.ssl", """
                package org.example.ssl;

                import java.lang.foreign.Arena;
                import java.lang.foreign.MemorySegment;
                import java.lang.foreign.ValueLayout;
                import java.util.HexFormat;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        try (Arena arena = Arena.ofConfined()) {
                            MemorySegment context = Evp.EVP_MD_CTX_new();
                            int initialised = Evp.EVP_DigestInit_ex(context, Evp.EVP_sha256(), MemorySegment.NULL);
                            int updated = Evp.EVP_DigestUpdate(context, arena.allocateFrom(ValueLayout.JAVA_BYTE, "abc".getBytes()), 3);
                            MemorySegment digest = arena.allocate(Evp.EVP_MAX_MD_SIZE);
                            MemorySegment length = arena.allocate(ValueLayout.JAVA_INT);
                            int finished = Evp.EVP_DigestFinal_ex(context, digest, length);
                            Evp.EVP_MD_CTX_free(context);
                            return initialised + " " + updated + " " + finished + " " + HexFormat.of().formatHex(
                                    digest.asSlice(0, length.get(ValueLayout.JAVA_INT, 0)).toArray(ValueLayout.JAVA_BYTE));
                        }
                    }
                }
                """);
        assertEquals("1 1 1 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", result);
    }

    @Test
    void libxml2_bindings_parseADocumentAndEvaluateXpath() throws Exception {
        Path out = dir.resolve("gen");
        bind("--package", "org.example.xml", "-l", "xml2", "-I", "/usr/include/libxml2", "--header-class", "Xml",
                "--include-function", "^xml(ReadMemory|FreeDoc|XPathNewContext|XPathFreeContext|XPathEvalExpression|XPathFreeObject)$",
                "--output", out.toString(), "/usr/include/libxml2/libxml/parser.h", "/usr/include/libxml2/libxml/tree.h",
                "/usr/include/libxml2/libxml/xpath.h");
        String result = compileAndRun(dir, out, "org.example.xml", """
                package org.example.xml;

                import java.lang.foreign.Arena;
                import java.lang.foreign.MemorySegment;

                @SuppressWarnings("restricted")
                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        try (Arena arena = Arena.ofConfined()) {
                            String text = "<list><item>a</item><item>b</item><other/><item>c</item></list>";
                            MemorySegment document = Xml.xmlReadMemory(arena.allocateFrom(text), text.length(), arena.allocateFrom("list.xml"),
                                    MemorySegment.NULL, 0);
                            MemorySegment context = Xml.xmlXPathNewContext(document);
                            MemorySegment found = Xml.xmlXPathEvalExpression(arena.allocateFrom("count(//item)"), context)
                                    .reinterpret(XmlXPathObject.LAYOUT.byteSize());
                            String answer = XmlXPathObject.type(found) + " " + XmlXPathObject.floatval(found);
                            Xml.xmlXPathFreeObject(found);
                            Xml.xmlXPathFreeContext(context);
                            Xml.xmlFreeDoc(document);
                            return answer;
                        }
                    }
                }
                """);
        assertEquals("3 3.0", result);
    }
}
