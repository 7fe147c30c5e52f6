#include "globals.h"

int32_t it_global_int = 1234;
double it_global_double = 2.5;
int64_t it_global_counter = 0;
struct it_global_record it_global_struct = {7, 0.75, "init"};
int32_t it_global_array[8] = {1, 2, 3, 4, 5, 6, 7, 8};
int32_t *it_global_ptr = &it_global_int;
const char *const it_global_name = "isthmus";
const char it_global_text[] = "text array";

int32_t it_read_global_int(void) { return it_global_int; }
void it_write_global_int(int32_t v) { it_global_int = v; }
double it_read_global_double(void) { return it_global_double; }
int64_t it_bump_counter(void) { return ++it_global_counter; }
int32_t it_read_global_struct_id(void) { return it_global_struct.id; }
double it_read_global_struct_weight(void) { return it_global_struct.weight; }
const char *it_read_global_struct_tag(void) { return it_global_struct.tag; }
int32_t it_read_global_array(size_t index) {
    return index < 8 ? it_global_array[index] : INT32_MIN;
}
int64_t it_sum_global_array(void) {
    int64_t sum = 0;
    for (size_t i = 0; i < 8; i++) {
        sum += it_global_array[i];
    }
    return sum;
}
int32_t it_read_through_global_ptr(void) {
    return it_global_ptr == NULL ? INT32_MIN : *it_global_ptr;
}
void it_reset_globals(void) {
    it_global_int = 1234;
    it_global_double = 2.5;
    it_global_counter = 0;
    it_global_struct = (struct it_global_record){7, 0.75, "init"};
    for (int32_t i = 0; i < 8; i++) {
        it_global_array[i] = i + 1;
    }
    it_global_ptr = &it_global_int;
}
