"""The C API from Python: the indicators of one sentence, one per line, then one expression."""
import econind_ctypes as econind

text = ("2022年，合肥高新区规上工业产值突破1500亿元，同比增长12.6%，集聚集成电路企业300余家；"
        "在全国173家国家高新区中位列第6名，较上年提升2位。")
extractor = econind.Extractor()  # build once; any number of threads may share it
for i in extractor.extract(text):
    print(i.kind, i.value, i.unit or "-", i.qualifier, i.text, i.subject.id if i.subject else "-",
          i.metric.id if i.metric else "-", i.year or "-")

m = econind.parse_money("200多亿元")
print("parse_money", m.value, m.unit, m.qualifier)

try:  # bad configuration raises econind.Error; bad text never does
    econind.Extractor(ontology_files=["no-such-ontology.tsv"])
except econind.Error as e:
    print("error", e)
