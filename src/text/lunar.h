/* The Vietnamese lunar calendar (at UTC+7): the solar date of a lunar date,
 * from the astronomical new moons and solar terms (Meeus's formulas). Used
 * for Tết and Giỗ Tổ Hùng Vương in years without an official holiday file. */
#ifndef CCHC_LUNAR_H
#define CCHC_LUNAR_H
#include <stdbool.h>
#include "text/date.h"

/* Day number (Julian day) of a Gregorian date, and back. */
long date_to_jd(struct ymd d);
struct ymd date_from_jd(long jd);
/* 0 Monday ... 6 Sunday */
int date_weekday(struct ymd d);

/* The solar date of lunar day/month of lunar year (leap: the leap month). */
bool lunar_to_solar(int day, int month, int year, bool leap, struct ymd *out);

#endif
