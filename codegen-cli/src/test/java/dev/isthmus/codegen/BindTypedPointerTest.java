package dev.isthmus.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.isthmus.codegen.GeneratedBindings.bind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13: a pointer to a record with a generated class (a member {@code struct
 * list_node *next}, a function's result, a callback's argument) reads as a segment of that
 * record's size, so the record's accessors work on it directly, without a restricted
 * {@code reinterpret}. C compiled by {@code cc} here builds a linked list and sums it
 * after Java has changed it through the typed pointers.
 */
class BindTypedPointerTest {
    private static final String HEADER = """
            struct list_item { double weight; };
            struct list_node { int value; struct list_node *next; const struct list_item *item; struct list_opaque *opaque; };
            struct list_node *list_make(int n);
            long list_sum(const struct list_node *head);
            int list_visit(struct list_node *head, int (*visit)(const struct list_node *node));
            """;

    private static final String SOURCE = """
            #include <stdlib.h>
            #include "list.h"
            struct list_node *list_make(int n) {
                struct list_node *head = NULL;
                for (int i = n - 1; i >= 0; i--) {
                    struct list_node *node = calloc(1, sizeof *node);
                    struct list_item *item = malloc(sizeof *item);
                    item->weight = i + 0.5;
                    node->value = i * 10;
                    node->next = head;
                    node->item = item;
                    head = node;
                }
                return head;
            }
            long list_sum(const struct list_node *head) {
                long sum = 0;
                for (; head; head = head->next) sum += head->value + (long) (head->item->weight * 2);
                return sum;
            }
            int list_visit(struct list_node *head, int (*visit)(const struct list_node *node)) {
                int total = 0;
                for (; head; head = head->next) total += visit(head);
                return total;
            }
            """;

    @TempDir
    Path dir;

    @Test
    void pointersToGeneratedRecords_readAsThoseRecords() throws Exception {
        Path header = Files.writeString(dir.resolve("list.h"), HEADER);
        Path source = Files.writeString(dir.resolve("list.c"), SOURCE);
        Path library = GeneratedBindings.sharedLibrary(dir, "list", source);
        Path out = dir.resolve("gen");
        String report = bind("--package", "org.example.list", "--header-class", "Lists", "-l", library.toString(),
                "--output", out.toString(), header.toString());
        assertTrue(report.startsWith("isthmus bind: wrote ") && !report.contains("not bound"), report);
        // The opaque struct has no class: its pointer stays a plain address.
        assertTrue(Files.readString(out.resolve("org/example/list/ListNode.java")).contains("struct.get(ValueLayout.ADDRESS, 24L)"));
        String result = GeneratedBindings.compileAndRun(dir, out, "org.example.list", """
                package org.example.list;

                import java.lang.foreign.Arena;
                import java.lang.foreign.MemorySegment;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        MemorySegment head = Lists.list_make(4);
                        StringBuilder seen = new StringBuilder();
                        long sum = 0;
                        // Walks the list by its typed members alone; doubles each value on the way.
                        for (MemorySegment node = head; node.address() != 0; node = ListNode.next(node)) {
                            seen.append(ListNode.value(node)).append('/').append(ListItem.weight(ListNode.item(node))).append(' ');
                            sum += ListNode.value(node);
                            ListNode.value(node, ListNode.value(node) * 2);
                        }
                        int visited;
                        try (Arena arena = Arena.ofConfined()) {
                            visited = Lists.list_visit(head, ListVisitVisit.allocate(node -> ListNode.value(node) + 1, arena));
                        }
                        return seen + "| " + sum + " " + Lists.list_sum(head) + " " + visited + " " + ListNode.next(head).byteSize();
                    }
                }
                """);
        // C's sum after Java doubled the values: 2 * (0 + 10 + 20 + 30) + (1 + 3 + 5 + 7); the callback sees them too.
        assertEquals("0/0.5 10/1.5 20/2.5 30/3.5 | 60 136 124 32", result);
    }
}
