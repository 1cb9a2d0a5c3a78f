/*
 * zpack: gzip-compatible compression of standard input to standard output, with zlib.
 *
 *   zpack < file > file.gz       compress
 *   zpack -d < file.gz > file    decompress
 *   zpack --version              print zpack's and zlib's versions
 *   zpack --selftest             compress and decompress a generated buffer; check the round trip
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define ZPACK_VERSION "1.2.0"
#define CHUNK 16384
/* windowBits for gzip framing (zlib's deflateInit2/inflateInit2 convention). */
#define GZIP_WINDOW (15 + 16)

static int compress_stream(FILE *in, FILE *out, int level) {
    unsigned char inbuf[CHUNK], outbuf[CHUNK];
    z_stream s;
    memset(&s, 0, sizeof s);
    if (deflateInit2(&s, level, Z_DEFLATED, GZIP_WINDOW, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return -1;
    int flush;
    do {
        s.avail_in = fread(inbuf, 1, CHUNK, in);
        if (ferror(in)) {
            deflateEnd(&s);
            return -1;
        }
        flush = feof(in) ? Z_FINISH : Z_NO_FLUSH;
        s.next_in = inbuf;
        do {
            s.avail_out = CHUNK;
            s.next_out = outbuf;
            deflate(&s, flush);
            size_t have = CHUNK - s.avail_out;
            if (fwrite(outbuf, 1, have, out) != have) {
                deflateEnd(&s);
                return -1;
            }
        } while (s.avail_out == 0);
    } while (flush != Z_FINISH);
    deflateEnd(&s);
    return 0;
}

static int decompress_stream(FILE *in, FILE *out) {
    unsigned char inbuf[CHUNK], outbuf[CHUNK];
    z_stream s;
    memset(&s, 0, sizeof s);
    if (inflateInit2(&s, GZIP_WINDOW) != Z_OK)
        return -1;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        s.avail_in = fread(inbuf, 1, CHUNK, in);
        if (ferror(in) || s.avail_in == 0)
            break;
        s.next_in = inbuf;
        do {
            s.avail_out = CHUNK;
            s.next_out = outbuf;
            status = inflate(&s, Z_NO_FLUSH);
            if (status == Z_NEED_DICT || status == Z_DATA_ERROR || status == Z_MEM_ERROR) {
                inflateEnd(&s);
                return -1;
            }
            size_t have = CHUNK - s.avail_out;
            if (fwrite(outbuf, 1, have, out) != have) {
                inflateEnd(&s);
                return -1;
            }
        } while (s.avail_out == 0);
    }
    inflateEnd(&s);
    return status == Z_STREAM_END ? 0 : -1;
}

/* Round trip of a repetitive buffer through temporary files: the output must equal the input and
 * be smaller than it. */
static int selftest(void) {
    size_t size = 1 << 20;
    char *data = malloc(size), *back = malloc(size + 1);
    if (!data || !back)
        return 1;
    for (size_t i = 0; i < size; i++)
        data[i] = "zpack selftest "[i % 15] + (char)(i / 4096 % 3);
    FILE *plain = tmpfile(), *packed = tmpfile(), *unpacked = tmpfile();
    if (!plain || !packed || !unpacked)
        return 1;
    fwrite(data, 1, size, plain);
    rewind(plain);
    if (compress_stream(plain, packed, Z_BEST_COMPRESSION) != 0)
        return 1;
    long packed_size = ftell(packed);
    rewind(packed);
    if (decompress_stream(packed, unpacked) != 0)
        return 1;
    long unpacked_size = ftell(unpacked);
    rewind(unpacked);
    size_t read_back = fread(back, 1, size + 1, unpacked);
    int ok = unpacked_size == (long)size && read_back == size && memcmp(data, back, size) == 0 &&
             packed_size > 0 && packed_size < (long)size;
    printf("selftest: %s (%zu bytes -> %ld bytes, zlib %s)\n", ok ? "ok" : "FAILED", size,
           packed_size, zlibVersion());
    return ok ? 0 : 1;
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        printf("zpack %s (zlib %s)\n", ZPACK_VERSION, zlibVersion());
        return 0;
    }
    if (argc == 2 && strcmp(argv[1], "--selftest") == 0)
        return selftest();
    if (argc == 2 && strcmp(argv[1], "-d") == 0)
        return decompress_stream(stdin, stdout) == 0 ? 0 : 1;
    if (argc == 1)
        return compress_stream(stdin, stdout, Z_DEFAULT_COMPRESSION) == 0 ? 0 : 1;
    fprintf(stderr, "usage: zpack [-d | --version | --selftest] < input > output\n");
    return 2;
}
