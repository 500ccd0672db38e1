#include <config.h>
#include <math.h>
#include "text/lunar.h"

#define TZ 7.0 /* Vietnam, UTC+7 */
#define SYNODIC 29.530588853
#define NEW_MOON_EPOCH 2415021.076998695 /* 1900-01-01 new moon, in Julian days */

long date_to_jd(struct ymd d)
{
	long a = (14 - d.m) / 12;
	long y = d.y + 4800 - a;
	long m = d.m + 12 * a - 3;
	return d.d + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
}

struct ymd date_from_jd(long jd)
{
	long a = jd + 32044;
	long b = (4 * a + 3) / 146097;
	long c = a - b * 146097 / 4;
	long d = (4 * c + 3) / 1461;
	long e = c - 1461 * d / 4;
	long m = (5 * e + 2) / 153;
	struct ymd r;
	r.d = (int)(e - (153 * m + 2) / 5 + 1);
	r.m = (int)(m + 3 - 12 * (m / 10));
	r.y = (int)(b * 100 + d - 4800 + m / 10);
	return r;
}

int date_weekday(struct ymd d)
{
	return (int)(date_to_jd(d) % 7); /* JD 0 was a Monday */
}

/* Julian day of the k-th new moon after the 1900 epoch (Meeus, ch. 49). */
static double new_moon(long k)
{
	const double dr = M_PI / 180;
	double t = k / 1236.85, t2 = t * t, t3 = t2 * t;
	double jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
	jd += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
	double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
	double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
	double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
	double c = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m);
	c += -0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr);
	c += -0.0004 * sin(dr * 3 * mpr);
	c += 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr));
	c += -0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m));
	c += -0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr));
	c += 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m));
	double delta = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 -
					 0.000000081 * t * t3
			       : -0.000278 + 0.000265 * t + 0.000262 * t2;
	return jd + c - delta;
}

static long new_moon_day(long k)
{
	return (long)floor(new_moon(k) + 0.5 + TZ / 24);
}

/* The sun's longitude at the start of local day jdn, as one of 12 sectors. */
static int sun_sector(long jdn)
{
	const double dr = M_PI / 180;
	double t = (jdn - 0.5 - TZ / 24 - 2451545.0) / 36525, t2 = t * t;
	double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
	double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
	double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m);
	dl += (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m);
	double l = (l0 + dl) * dr;
	l -= 2 * M_PI * floor(l / (2 * M_PI));
	return (int)floor(l / M_PI * 6);
}

/* Day the 11th lunar month (the one with the winter solstice) of year y starts. */
static long month11(int y)
{
	long off = date_to_jd((struct ymd){ y, 12, 31 }) - 2415021;
	long k = (long)floor(off / SYNODIC);
	long nm = new_moon_day(k);
	if (sun_sector(nm) >= 9)
		nm = new_moon_day(k - 1);
	return nm;
}

/* Offset of the leap month after the 11th month starting on day a11. */
static int leap_offset(long a11)
{
	long k = (long)floor((a11 - NEW_MOON_EPOCH) / SYNODIC + 0.5);
	int i = 1, last;
	int arc = sun_sector(new_moon_day(k + i));
	do {
		last = arc;
		i++;
		arc = sun_sector(new_moon_day(k + i));
	} while (arc != last && i < 14);
	return i - 1;
}

bool lunar_to_solar(int day, int month, int year, bool leap, struct ymd *out)
{
	long a11 = month < 11 ? month11(year - 1) : month11(year);
	long b11 = month < 11 ? month11(year) : month11(year + 1);
	long k = (long)floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC);
	int off = month - 11;
	if (off < 0)
		off += 12;
	if (b11 - a11 > 365) {
		int loff = leap_offset(a11);
		int leap_month = loff - 2;
		if (leap_month < 0)
			leap_month += 12;
		if (leap && month != leap_month)
			return false;
		if (leap || off >= loff)
			off++;
	} else if (leap) {
		return false;
	}
	*out = date_from_jd(new_moon_day(k + off) + day - 1);
	return true;
}
