/* Word and line counts of standard input, or of the files named. `hello --selftest` checks itself. */
#include <stdio.h>
#include <string.h>
#include <ctype.h>

struct counts { long lines, words, bytes; };

static struct counts count(FILE *in) {
    struct counts c = {0, 0, 0};
    int ch, inword = 0;
    while ((ch = getc(in)) != EOF) {
        c.bytes++;
        if (ch == '\n') c.lines++;
        if (isspace(ch)) inword = 0;
        else if (!inword) { inword = 1; c.words++; }
    }
    return c;
}

static int selftest(void) {
    const char *text = "one two\nthree\n";
    FILE *in = fmemopen((void *)text, strlen(text), "r");
    struct counts c = count(in);
    fclose(in);
    printf("selftest: %ld lines, %ld words, %ld bytes\n", c.lines, c.words, c.bytes);
    return (c.lines == 2 && c.words == 3 && c.bytes == 14) ? 0 : 1;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--selftest") == 0) return selftest();
    if (argc == 1) {
        struct counts c = count(stdin);
        printf("%ld %ld %ld\n", c.lines, c.words, c.bytes);
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        FILE *in = fopen(argv[i], "r");
        if (!in) { perror(argv[i]); return 1; }
        struct counts c = count(in);
        fclose(in);
        printf("%ld %ld %ld %s\n", c.lines, c.words, c.bytes, argv[i]);
    }
    return 0;
}
