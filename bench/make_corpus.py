#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus of news-like articles about high-tech zones.

usage: make_corpus.py OUT_DIR [--mb N] [--seed S] [--jsonl]

Articles mix Simplified Chinese, Traditional Chinese (half of them with the web artifact that
follows characters with their pinyin), and English, wrapped in page chrome (breadcrumbs, spam
header lines, related-article lists) with about as many figures per kilobyte as real coverage.
The same seed always gives the same bytes. With --jsonl, one file corpus.jsonl of
{"id", "text", "date"} lines is written instead of one file per article.
"""
import json, os, random, sys

PARKS_ZH = ["兰州高新区", "武汉东湖高新区", "合肥高新区", "西安高新区", "成都高新区", "苏州工业园区", "杭州高新区",
            "长春高新区", "泰州医药高新区", "中关村", "张江高新区", "深圳高新区", "广州高新区", "南京高新区"]
PARKS_EN = ["Lanzhou High-tech Zone", "Wuhan East Lake High-tech Zone", "Hefei High-tech Zone", "Xi'an High-tech Zone",
            "Chengdu High-tech Zone", "Suzhou Industrial Park", "Hangzhou High-tech Zone", "Zhongguancun"]
INDUSTRIES_ZH = ["生物医药", "新材料", "集成电路", "智能制造", "数字经济", "医疗器械", "新能源"]
INDUSTRIES_EN = ["biomedical", "new materials", "integrated circuit", "intelligent manufacturing", "digital economy"]

FILLER_ZH = [
    "{park}坚持把科技创新作为高质量发展的核心动力，持续优化营商环境，推动产业链创新链深度融合。",
    "近年来，{park}以“发展高科技、培育新产业”为主方向，引导科技计划、平台向园区集聚。",
    "业内人士表示，{industry}产业已经成为区域经济发展的重要引擎，集群效应日益凸显。",
    "下一步，{park}将紧抓重大战略机遇，加快建设现代化产业体系，培育形成新的增长点和竞争新优势。",
    "会议强调，要聚焦关键核心技术攻关，完善创新创业服务体系，打造一流的营商环境。",
]
FACTS_ZH = [
    "{year}年，{park}{industry}产业实现产值{money}亿元，同比增长{pct}%。",
    "目前，区内集聚{industry}企业{count}多家，其中上市公司{small}家。",
    "截至{year}年年底，{park}累计引进高层次人才团队{small}个，各类人才超过{count}人。",
    "在全国{total}家国家高新区综合排名中，{park}位列第{rank}名，较上年度提升{small}位。",
    "今年一季度，{park}共签约项目{small}个，签约总额达{money}.{frac}亿元。",
    "全年研发投入强度达到{pct}.{frac}%，比上年提高{frac}个百分点。",
]
FILLER_EN = [
    "Officials said the zone would continue to improve its business environment and attract talent.",
    "The {industry} industry has become a major engine of regional growth, according to the committee.",
    "The zone plans to deepen cooperation with universities and research institutions over the coming years.",
]
FACTS_EN = [
    "In {year}, {park} generated revenue of {money} billion yuan, up {pct} percent year on year.",
    "The zone is now home to more than {count} {industry} companies and {small} listed firms.",
    "{park} ranked {rank}th among {total} national high-tech zones, up {small} places from a year earlier.",
    "It attracted RMB {small} billion in venture financing last year.",
]
CHROME_ZH = ["您的位置:首页 > 产业园区 > 正文", "来源:本网综合    浏览次数:", "相关阅读", "免责声明:本网站所刊登的稿件仅供参考。",
             "热门|推荐|国产精品|最新资讯|手游下载|注册送好礼"]
CHROME_EN = ["Home | China | Business | Photos | Video", "Editor: staff", "Related stories"]

# Characters that get "(pinyin)" after them in artifact-style pages.
PINYIN = {"產": "chǎn", "業": "yè", "區": "qū", "發": "fā", "國": "guó", "實": "shí", "現": "xiàn", "總": "zǒng",
          "額": "é", "經": "jīng", "濟": "jì", "與": "yǔ", "會": "huì", "務": "wù", "這": "zhè"}
T2S_PAIRS = {"产": "產", "业": "業", "区": "區", "发": "發", "国": "國", "实": "實", "现": "現", "总": "總", "额": "額",
             "经": "經", "济": "濟", "与": "與", "会": "會", "务": "務", "这": "這", "亿": "億", "万": "萬", "个": "個",
             "项": "項", "长": "長", "签": "簽", "约": "約", "药": "藥", "医": "醫", "资": "資", "达": "達"}


def figures(rng):
    return dict(year=rng.choice([2019, 2020, 2021, 2022, 2023]), money=rng.randint(12, 1800), pct=rng.randint(2, 35),
                frac=rng.randint(1, 9), count=rng.randint(100, 3000), small=rng.randint(2, 60),
                total=rng.choice([157, 168, 173, 178]), rank=rng.randint(1, 150))


def chinese_article(rng):
    park, industry = rng.choice(PARKS_ZH), rng.choice(INDUSTRIES_ZH)
    lines = [rng.choice(CHROME_ZH[:2]), "", "%s%s产业集群加速成长" % (park, industry), ""]
    for _ in range(rng.randint(4, 8)):
        para = [rng.choice(FILLER_ZH) for _ in range(rng.randint(2, 5))]
        if rng.random() < 0.45:
            para.insert(rng.randint(0, len(para)), rng.choice(FACTS_ZH))
        lines.append("　　" + "".join(s.format(park=park, industry=industry, **figures(rng)) for s in para))
    lines += ["", rng.choice(CHROME_ZH[2:])]
    lines += ["%s：%s %d-%02d-%02d" % (rng.choice(PARKS_ZH), rng.choice(FILLER_ZH).format(park="", industry="产业")[:14],
                                     rng.randint(2019, 2023), rng.randint(1, 12), rng.randint(1, 28))
              for _ in range(rng.randint(2, 5))]
    return "\n".join(lines) + "\n"


def traditional(text, artifacts):
    out = []
    for ch in text:
        t = T2S_PAIRS.get(ch, ch)
        out.append(t + ("(%s)" % PINYIN[t] if artifacts and t in PINYIN else ""))
    return "".join(out)


def english_article(rng):
    park, industry = rng.choice(PARKS_EN), rng.choice(INDUSTRIES_EN)
    lines = [CHROME_EN[0], "", "%s %s cluster keeps growing" % (park, industry), ""]
    for _ in range(rng.randint(3, 6)):
        para = [rng.choice(FILLER_EN) for _ in range(rng.randint(2, 4))]
        if rng.random() < 0.5:
            para.insert(rng.randint(0, len(para)), rng.choice(FACTS_EN))
        lines.append(" ".join(s.format(park=park, industry=industry, **figures(rng)) for s in para))
    lines += ["", rng.choice(CHROME_EN[1:])]
    return "\n".join(lines) + "\n"


def article(rng):
    kind = rng.random()
    if kind < 0.5:
        return "zh", chinese_article(rng)
    if kind < 0.65:
        return "zht", traditional(chinese_article(rng), artifacts=False)
    if kind < 0.8:
        return "zhta", traditional(chinese_article(rng), artifacts=True)
    return "en", english_article(rng)


def main():
    args = sys.argv[1:]
    if not args:
        raise SystemExit(__doc__)
    out_dir = args[0]
    mb = float(args[args.index("--mb") + 1]) if "--mb" in args else 10.0
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 1
    rng = random.Random(seed)
    os.makedirs(out_dir, exist_ok=True)
    total, n = 0, 0
    jsonl = open(os.path.join(out_dir, "corpus.jsonl"), "w", encoding="utf-8") if "--jsonl" in args else None
    while total < mb * 1e6:
        lang, text = article(rng)
        name = "%06d_%s" % (n, lang)
        if jsonl:
            jsonl.write(json.dumps({"id": name, "text": text, "date": "2023-05-16"}, ensure_ascii=False) + "\n")
        else:
            with open(os.path.join(out_dir, name + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)
        total += len(text.encode("utf-8"))
        n += 1
    print("%d articles, %.1f MB in %s" % (n, total / 1e6, out_dir))


if __name__ == "__main__":
    main()
