/* RFC 5546 restriction check of libical (as calendar servers and Evolution use it) on each .ics file
 * named on the command line: prints "file: X-LIC-ERROR ..." for every problem, exits 1 if any.
 * Built by tests/test_readers.py with the system's libical (Debian: libical-dev). */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static char *read_all(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buffer = malloc(size + 1);
    size_t got = fread(buffer, 1, size, f);
    buffer[got] = '\0';
    fclose(f);
    return buffer;
}

static int report(const char *path, icalcomponent *component) {
    int problems = 0;
    for (icalproperty *p = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)) {
        printf("%s: %s\n", path, icalproperty_get_xlicerror(p));
        problems++;
    }
    for (icalcomponent *c = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT); c;
         c = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)) {
        problems += report(path, c);
    }
    return problems;
}

int main(int argc, char **argv) {
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        char *text = read_all(argv[i]);
        icalcomponent *calendar = text ? icalparser_parse_string(text) : NULL;
        if (!calendar) {
            printf("%s: cannot be parsed\n", argv[i]);
            failed = 1;
            continue;
        }
        int valid = icalrestriction_check(calendar);
        if (report(argv[i], calendar) > 0 || !valid) failed = 1;
        icalcomponent_free(calendar);
        free(text);
    }
    return failed;
}
