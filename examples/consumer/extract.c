/* The C API: the indicators of one sentence, one per line, then one expression on its own. */
#include <econind/econind.h>
#include <stdio.h>
#include <string.h>

static const char* or_dash(const char* s) { return s && *s ? s : "-"; }

int main(void) {
  const char* text =
      "2022年，合肥高新区规上工业产值突破1500亿元，同比增长12.6%，集聚集成电路企业300余家；"
      "在全国173家国家高新区中位列第6名，较上年提升2位。";
  econind_error* err = NULL;
  econind_extractor* extractor = econind_extractor_new(&err);
  if (!extractor) {
    fprintf(stderr, "econind: %s\n", econind_error_message(err));
    econind_error_free(err);
    return 1;
  }

  econind_result* result = econind_extract(extractor, text, strlen(text), "hefei", &err);
  if (!result) {
    fprintf(stderr, "econind: %s\n", econind_error_message(err));
    econind_error_free(err);
    econind_extractor_free(extractor);
    return 1;
  }
  for (size_t i = 0; i < econind_result_count(result); ++i) {
    char year[16] = "-";
    if (econind_indicator_year(result, i) != 0) snprintf(year, sizeof year, "%d", econind_indicator_year(result, i));
    printf("%s %s %s %s %s %s %s %s\n", econind_indicator_kind(result, i), econind_indicator_value(result, i),
           or_dash(econind_indicator_unit(result, i)), econind_indicator_qualifier(result, i),
           econind_indicator_text(result, i),
           or_dash(econind_indicator_entity(result, i, ECONIND_SUBJECT, ECONIND_FIELD_ID)),
           or_dash(econind_indicator_entity(result, i, ECONIND_METRIC, ECONIND_FIELD_ID)), year);
  }
  econind_result_free(result);

  const char* expression = "200多亿元";
  econind_result* money = econind_parse(ECONIND_FIND_MONEY, expression, strlen(expression), NULL);
  if (econind_result_count(money) == 1) {
    printf("parse_money %s %s %s\n", econind_indicator_value(money, 0), econind_indicator_unit(money, 0),
           econind_indicator_qualifier(money, 0));
  }
  econind_result_free(money);

  /* Bad configuration is an error with a code and a message; bad text never is. */
  const char* files[] = {"no-such-ontology.tsv"};
  econind_extractor* custom = econind_extractor_new_ex(ECONIND_FIND_ALL, files, 1, &err);
  if (!custom) {
    printf("error %s\n", econind_error_message(err));
    econind_error_free(err);
  }
  econind_extractor_free(custom);
  econind_extractor_free(extractor);
  return 0;
}
