/* Names the C library spells differently on Windows (mingw-w64's msvcrt),
 * made the same as on POSIX so that the tree has no #ifdef _WIN32: config.h
 * includes this file first thing in every translation unit. What differs
 * in meaning, not only in name, is in util/platform.h instead. */
#ifndef CCHC_COMPAT_H
#define CCHC_COMPAT_H

/* The format archetype of our printf-like functions: mingw's "printf" is
 * msvcrt's, which knows no %zu or %lld; its ANSI stdio is GNU's. */
#ifdef __MINGW32__
#define CCHC_PRINTF(f, a) __attribute__((format(gnu_printf, f, a)))
#else
#define CCHC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#endif

/* What separates folders in a path the clerk types. */
#ifdef _WIN32
#define CCHC_PATH_SEPS "/\\"
#else
#define CCHC_PATH_SEPS "/"
#endif

#ifdef _WIN32
#include <direct.h>
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

/* Every file is opened in binary mode (_CRT_fmode in platform_win.c); a
 * descriptor is not inherited by the programs cchc starts. */
#define O_CLOEXEC _O_NOINHERIT
#define O_NOFOLLOW 0 /* no symbolic links a clerk could make */
#define O_NONBLOCK 0
#ifndef EDQUOT
#define EDQUOT 10069 /* WSAEDQUOT: never returned by the C library */
#endif
#define S_ISLNK(m) 0
#define lstat stat
#define mkdir(path, mode) _mkdir(path)
#define fsync(fd) _commit(fd)
#define realpath(path, resolved) _fullpath((resolved), (path), 0)

ssize_t pread(int fd, void *buf, size_t n, off_t off);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off);
char *strcasestr(const char *haystack, const char *needle);
void *memmem(const void *haystack, size_t hn, const void *needle, size_t nn);
char *mkdtemp(char *tmpl);
#endif

#endif
