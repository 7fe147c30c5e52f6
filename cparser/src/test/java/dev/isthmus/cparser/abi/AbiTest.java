package dev.isthmus.cparser.abi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Abi#byName}: each ABI by its name and by its document's, as issue #13 spells {@code --abi}. */
class AbiTest {

    @ParameterizedTest
    @CsvSource({"sysv-x86_64, sysv-x86_64", "sysv-x64, sysv-x86_64", "aarch64, aarch64", "aapcs64, aarch64", "win64, win64",
        "x64, <none>", "SYSV-X64, <none>"})
    void byName_acceptsTheNamesAndTheDocumentsSpellings(String given, String expected) {
        assertEquals(expected, Abi.byName(given).map(Abi::name).orElse("<none>"));
    }
}
