/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-number.c: how fast sources are parsed, over a million mixed inputs typed the
 * way clerks type them (every format, every kind, invalid ones too).
 *
 *   bench-number [N]     N inputs, default 1 000 000
 *
 * Prints numbers per second and nanoseconds per parse for ph_number_classify() (the
 * allocation-free path of imports and search) and ph_number_parse() (the full result
 * with display form, network and translated reasons). Built, not run by `meson test`. */

#include "config.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "ph-number.h"
#include "ph-numbering-plan.h"

static const char *mobile_prefixes[] = {
  "032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098",
  "081", "082", "083", "084", "085", "088", "091", "094", "070", "076", "077", "078",
  "079", "089", "090", "093", "052", "056", "058", "092", "059", "087", "055",
};
static const char *legacy_prefixes[] = {
  "0162", "0163", "0164", "0165", "0166", "0167", "0168", "0169", "0120", "0121", "0122",
  "0126", "0128", "0123", "0124", "0125", "0127", "0129", "0186", "0188", "0199",
};
static const char *area_codes[] = { "024", "028", "0237", "0238", "0236", "0262", "0292", "0203" };
static const char *brandnames[] = { "VIETTEL", "FE CREDIT", "BIDV", "VNPT", "HOME.CREDIT", "Shopee" };
static const char *others[] = {
  "113", "156", "5656", "115", "18001091", "1900 1234", "1900 123 456", "069 2348560",
  "+855 12 345 678", "+1 202 555 0123", "0086 138 0013 8000",
  "", "   ", "091234567", "0101234567", "0912a345678", "0912345678 0987654321", "abc xyz def",
};

static char *
make_input (GRand *rand)
{
  char sub[8];
  guint r = (guint) g_rand_int_range (rand, 0, 100);

  for (guint i = 0; i < 7; i++)
    sub[i] = (char) ('0' + g_rand_int_range (rand, 0, 10));
  sub[7] = '\0';

  if (r < 60)
    {
      const char *p = mobile_prefixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (mobile_prefixes))];
      char n[11];   /* the 10-digit national number */

      memcpy (n, p, 3);
      memcpy (n + 3, sub, 7);
      n[10] = '\0';

      switch (r % 7)
        {
        case 0:
          return g_strdup (n);
        case 1:
          return g_strdup_printf ("%.4s %.3s %.3s", n, n + 4, n + 7);
        case 2:
          return g_strdup_printf ("%.4s.%.3s.%.3s", n, n + 4, n + 7);
        case 3:
          return g_strdup_printf ("+84 %.3s %.3s %.3s", n + 1, n + 4, n + 7);
        case 4:
          return g_strdup_printf ("84%s", n + 1);
        case 5:
          return g_strdup_printf ("(%.3s) %.3s-%.4s", n, n + 3, n + 6);
        default:
          return g_strdup_printf ("SĐT: %s (gọi lừa đảo)", n);
        }
    }
  if (r < 70)
    return g_strdup_printf ("%s %.3s %.4s",
                            legacy_prefixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (legacy_prefixes))],
                            sub, sub + 3);
  if (r < 80)
    {
      const char *a = area_codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (area_codes))];

      return strlen (a) == 3 ? g_strdup_printf ("%s %s%c", a, sub, sub[0])
                             : g_strdup_printf ("%s %s", a, sub);
    }
  if (r < 85)
    return g_strdup (brandnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (brandnames))]);

  return g_strdup (others[g_rand_int_range (rand, 0, G_N_ELEMENTS (others))]);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 1000000;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20181115);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_full (n, g_free);
  g_autoptr(GTimer) timer = g_timer_new ();
  guint counts[PH_SOURCE_KIND_INTERNATIONAL + 1] = { 0 };
  gsize total_bytes = 0;
  double classify_s, parse_s;
  guint sink = 0;

  if (n == 0)
    n = 1;
  for (guint i = 0; i < n; i++)
    {
      char *input = make_input (rand);

      total_bytes += strlen (input);
      g_ptr_array_add (inputs, input);
    }

  /* Load the plan outside the timing, as a running program has. */
  ph_numbering_plan_get_default ();

  g_timer_start (timer);
  for (guint i = 0; i < n; i++)
    {
      char key[PH_NUMBER_KEY_SIZE];
      PhSourceKind kind = ph_number_classify (g_ptr_array_index (inputs, i), -1, key, sizeof key);

      counts[kind]++;
      sink += (guint) key[1];
    }
  classify_s = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  for (guint i = 0; i < n; i++)
    {
      PhNumber *number = ph_number_parse (g_ptr_array_index (inputs, i));

      sink += (guint) number->kind;
      ph_number_free (number);
    }
  parse_s = g_timer_elapsed (timer, NULL);

  g_print ("bench-number: %u mixed inputs, %.1f bytes on average\n", n, (double) total_bytes / n);
  for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
    g_print ("  %-14s %7u\n", ph_source_kind_to_string ((PhSourceKind) k), counts[k]);
  g_print ("ph_number_classify: %.0f numbers/s, %.1f ns per parse (%.3f s)\n",
           n / classify_s, classify_s * 1e9 / n, classify_s);
  g_print ("ph_number_parse:    %.0f numbers/s, %.1f ns per parse (%.3f s)\n",
           n / parse_s, parse_s * 1e9 / n, parse_s);

  return sink == 0xFFFFFFFFu;  /* keeps the loops from being optimised away */
}
