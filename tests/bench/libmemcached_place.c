/* Baseline for `ringscope-cli place`: a plain C program that reads keys from
 * stdin, asks libmemcached (ketama weighted) for each key's server and prints
 * "key<TAB>host:port" lines. Usage: libmemcached_place host:port[,host:port…] */
#include <libmemcached-1.0/memcached.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: libmemcached_place host:port,...\n");
        return 2;
    }
    memcached_st *memc = memcached_create(NULL);
    memcached_behavior_set(memc, MEMCACHED_BEHAVIOR_KETAMA_WEIGHTED, 1);
    char *spec = strdup(argv[1]);
    char *names[4096];
    int n = 0;
    for (char *tok = strtok(spec, ","); tok && n < 4096; tok = strtok(NULL, ",")) {
        char *colon = strrchr(tok, ':');
        if (!colon)
            return 2;
        *colon = '\0';
        memcached_server_add(memc, tok, (in_port_t)atoi(colon + 1));
        names[n] = malloc(strlen(tok) + 8);
        sprintf(names[n], "%s:%s", tok, colon + 1);
        ++n;
    }
    static char out[1 << 20];
    setvbuf(stdout, out, _IOFBF, sizeof out);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, stdin)) > 0) {
        if (line[len - 1] == '\n')
            line[--len] = '\0';
        const uint32_t idx = memcached_generate_hash(memc, line, (size_t)len);
        fputs(line, stdout);
        putchar('\t');
        fputs(names[idx], stdout);
        putchar('\n');
    }
    free(line);
    memcached_free(memc);
    return 0;
}
