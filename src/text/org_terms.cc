#include "text/org_terms.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/strings.h"
#include "text/normalize.h"

namespace vigil::text {
namespace {

// One concept per line: its symbols, then the Latin phrases, then after '|'
// the Han/Hangul spellings. In a Latin phrase "a/b" lists spellings of one
// word, a trailing '+' marks a Russian adjective stem that takes every
// ending in every romanization (promyshlenn+ → promyshlennyy, -aya, -oye,
// -aia, -yj …) and a trailing '*' one that takes the neuter endings of
// "obshchestvo" (aktsionern* → aktsionernoye, -oe, -oie, -oje). Latin
// phrases are folded with FoldLatin when loaded, so they can be written as
// lists write them.
constexpr std::string_view kTerms = R"(
#ltd: ltd, limited, co ltd, co limited, company ltd, company limited, limited company, ltd co, ltd company, corp ltd/limited, private limited, private limited company, pvt ltd, pvt, pte ltd, pte, pty ltd, pty, sdn bhd, youxian gongsi, youxiangongsi, gufen youxian gongsi, gufenyouxiangongsi, kabushiki kaisha/gaisha, kabushikigaisha, kabushikikaisha, kk, k k, yugen kaisha/gaisha, yk, jusik/chusik/jusig hoesa/hoisa/hwesa, jusikhoesa, chusikhoesa, jusikhoisa, yuhan hoesa/hoisa, pt, perseroan terbatas, limited sirketi, ltd sti, ltd sirketi | 有限公司, 股份有限公司, 责任有限公司, 責任有限公司, 有限会社, 株式会社, 주식회사, 유한회사
#llc: llc, l l c, youxian zeren gongsi, youxianzerengongsi, limited liability company, limited liability co, ltd liability co, ooo, o o o, obshchestvo/obshestvo/obsestvo/obschestvo/obschtschestwo s ogranichennoy/ogranichennoi/ogranichennoj/ogranicennoj/ogranitschennoj otvetstvennostyu/otvetstvennostiu/otvetstvennostju/otvetstvennostu/otvetstvennost/otwetstwennostju, too, tov, tovarishchestvo/tovarishestvo/tovarystvo s/z ogranichennoy/ogranichennoi/ogranichennoj/obmezhenoiu/obmezhenoyu/obmezhenoju otvetstvennostyu/otvetstvennostiu/vidpovidalnistiu/vidpovidalnistyu, sro, s r o, spol s r o, ood, eood, sp z o o, spzoo, sp zoo, doo, d o o, kft, mmc, mchj, wll, w l l, godo kaisha/gaisha, yuhan chaegim hoesa | 有限责任公司, 有限責任公司, 合同会社, 유한책임회사
#llp: llp, l l p, limited liability partnership
#lp: lp, l p, limited partnership, s en c, s en c s, kg, kommanditgesellschaft, gmbh co kg, cv, c v | 합자회사
#partnership: general partnership, ohg, snc, s n c | 합명회사
#gmbh: gmbh, g m b h, mbh, gesmbh, ges m b h, gesellschaft mit beschrankter haftung
#ag: ag, a g, aktiengesellschaft
#sa: sa, s a, sal, s a l, c a, sa de cv, s a de c v, societe anonyme, sociedad anonima, sociedade anonima, saic, sae, s a e
#sarl: sarl, s a r l, s de rl, s de r l, s de rl de cv, s de r l de c v, societe a responsabilite limitee, srl, s r l, societa a responsabilita limitata, sociedad de responsabilidad limitada, ltda, limitada, lda, sl, s l, eurl
#sas: sas, s a s, societe par actions simplifiee
#spa: spa, s p a, societa per azioni
#bv: bv, b v, besloten vennootschap
#nv: nv, n v, naamloze vennootschap
#plc: plc, p l c, public limited company, public company limited, public co ltd, bhd, berhad, tbk
#inc: inc, incorporated
#corp: corp, corporation, korporatsiya/korporatsiia/korporacija/korporaciya
#jsc: jsc, j s c, joint stock company, joint stock co, joint stock, aktsionern*/akcionern*/akzionern* obshchestvo/obshestvo/obsestvo/obschtschestwo/tovarystvo, ao, a o, nao, zrt, nyrt, gufen gongsi, gufengongsi | 股份公司
#ojsc: ojsc, oao, o a o, open joint stock company, otkryt* aktsionern*/akcionern*/akzionern* obshchestvo/obshestvo/obsestvo/obschtschestwo, aoot, vat
#cjsc: cjsc, zao, z a o, closed joint stock company, zakryt*/sakryt* aktsionern*/akcionern*/akzionern* obshchestvo/obshestvo/obsestvo/obschtschestwo, aozt, zat, prat, pryvatne aktsionerne tovarystvo
#pjsc: pjsc, pao, p a o, public joint stock company, publichn*/publicn*/publitschn* aktsionern*/akcionern*/akzionern* obshchestvo/obshestvo/obsestvo/obschtschestwo, pat, publichne aktsionerne tovarystvo
#sue: gup, fgup, mup, state unitary enterprise, federal state unitary enterprise, gosudarstvenn* unitarn* predpriyatiye/predpriyatie/predpriiatie
#ab: aktiebolag, publ
#oy: oy, oyj, osakeyhtio
#as: as, a s, asa, aps, anonim sirketi
#fze: fze, fzco, fzc, fz llc, fzllc, fze llc, free zone establishment, free zone company
~general #corp: general corporation, zonggongsi, zong gongsi, chonghoesa, chong hoesa, chonghoisa, chong hoisa | 总公司, 總公司, 총회사
~branch: branch, fengongsi, filial, jisa, chisa | 分公司, 지사
~company: company, co, companies, gongsi, hoesa, hoisa, hwesa, gongsa, kongsa, kaisha, kompaniya/kompaniia/kompanija/kompania, compania, compagnie, cie, cia, sirket, sirketi, firm, firma, sharikat/sharika/sharikah/sherkat/shirkat/sherket | 公司, 会社, 會社, 회사, 공사
~group: group, groups, concern, kontsern, jituan, grupo, groupe, gruppe, gruppa, geurup, kurup | 集团, 集團, 그룹
~holding: holding, holdings, konggu, kholding, kholdings | 控股, 홀딩스
~trading: trading, trade, trader, traders, maoyi, shangmao, shangshi, shoji, muyeok, muyok, sangsa, torgov+, torgovlya/torgovlia/torgovli/torgovla, tijara/tijarah/tijariya/tijariyah/tijari, bazargani, ticaret, negoce | 贸易, 貿易, 商贸, 商貿, 商行, 商事, 物产, 物産, 무역, 상사, 물산
~commercial: commercial, commerce, shangye, sangeop, sangop, kommerchesk+, komertsiya, comercial, comercio, commerciale | 商业, 商業, 상업
~economic ~trading: jingmao | 经贸, 經貿
~economic: economic, economy, economics, jingji, gyeongje, kyongje, ekonomichesk+, ekonomika | 经济, 經濟, 경제
~foreign: foreign, external, duiwai, daeoe, taeoe, vneshn+, vneshneekonomichesk+ | 对外, 對外, 대외
~industrial: industrial, industry, industries, shiye, gongye, chanye, saneop, sanop, gongeop, kongop, promyshlenn+, promyshlennost, industriya, industrie, industria, sanaye, sanayi, sanati, sinaa, sinaiya | 实业, 實業, 工业, 工業, 产业, 產業, 産業, 산업, 공업
~development: development, developments, fazhan, kaifa, gaebal, kaebal, razvitiye/razvitie/razvitiya/razvitiia/razvitija, desarrollo, developpement, tosee, toseh, tanmiya | 发展, 發展, 开发, 開發, 개발
~technology: technology, technologies, tech, technical, techno, keji, jishu, gisul, kisul, tekhnologiya/tekhnologii/tekhnologiia/tehnologii/tehnologija, tekhnologichesk+, tekhnika/tekhniki, technologie, tecnologia | 科技, 技术, 技術, 기술
~network: network, networks, wangluo | 网络, 網絡, 網路
~international: international, intl, internationale, internacional, internazionale, guoji, gukje, kukje, kukche, mezhdunarodn+, mezdunarodn+ | 国际, 國際, 국제
~import_export: import export, imports exports, import and export, imp exp, export import, jinchukou, suchulip, suchurip, import eksport | 进出口, 進出口, 수출입
~import: import, imports, importer, importers, jinkou | 进口, 進口
~export: export, exports, exporter, exporters, chukou, eksport | 出口, 수출
~bank: bank, banking, banks, yinhang, eunhaeng, unhaeng, banco, banque, banca, masraf | 银行, 銀行, 은행
~shipping: shipping, haiyun, hangyun, chuanwu, haeun, sudokhodn+, sudokhodstvo | 海运, 海運, 航运, 航運, 船务, 船務, 해운
~maritime: maritime, marine, haishi, haiyang, haeyang, morsk+ | 海事, 海洋, 해양
~navigation: navigation
~investment: investment, investments, invest, touzi, tuja, investitsionn+, investitsii, inversiones, investissement, istithmar | 投资, 投資, 투자
~electronics: electronics, electronic, dianzi, jeonja, chonja, elektronika, elektronn+ | 电子, 電子, 전자
~electrical: electrical, electric, dianqi, denki, elektrichesk+ | 电器, 電器, 電機, 전기
~machinery: machinery, machine, machines, jixie, gigye, kigye, mashinostroitel+, mashinostroyeniye/mashinostroyeniya/mashinostroenie/mashinostroeniya/mashynostroyeniya | 机械, 機械, 기계
~science: science, sciences, scientific, kexue, gwahak, kwahak, nauchn+, nauchno, nauka | 科学, 科學, 과학
~research: research, yanjiu, yeongu, yongu, issledovatelsk+ | 研究, 연구
~institute: institute, institut, yanjiusuo, yanjiuyuan, yeonguso, yonguso, ryonguso, yeonguwon | 研究所, 研究院, 연구소, 연구원, 련구소
~information: information, info, xinxi, zixun, jeongbo, chongbo, informatsionn+, informatsiya | 信息, 资讯, 資訊, 정보
~cooperation: cooperation, co operation, cooperative, coop, hezuo, hapjak, hapchak, sotrudnichestvo | 合作, 합작
~joint_venture: joint venture, jv, hezi, hapyeong, habyong, hapyong | 合资, 合資, 합영
~service: service, services, fuwu, seobiseu, sobisu, servis, uslugi, servicios | 服务, 服務, 서비스
~logistics: logistics, logistic, wuliu, mullyu, logistika | 物流, 물류
~energy: energy, nengyuan, eneoji, energiya, energetika, energetichesk+ | 能源, 에너지
~petroleum: petroleum, oil, shiyou, seogyu, sogyu, neft, neftyan+, neftian+, petroleos | 石油, 석유
~gas: gas, tianranqi | 天然气, 天然氣
~chemical: chemical, chemicals, chemistry, huagong, huaxue, hwahak, khimichesk+, khimiya, quimica | 化工, 化学, 化學, 화학
~mining: mining, mines, mine, kuangye, gwangeop, kwangop, gorno, gornodobyvayushch+, mineria | 矿业, 礦業, 광업
~metal: metal, metals, metallurgical, metallurgy, jinshu, geumsok, kumsok, metallurgichesk+ | 金属, 金屬, 금속
~steel: steel, gangtie, cheolgang, cholgang | 钢铁, 鋼鐵, 철강
~construction: construction, constructions, jianshe, jianzhu, geonseol, konsol, stroitel+, stroy, construccion | 建设, 建設, 建筑, 建築, 건설
~engineering: engineering, engineers, gongcheng, inzhiniring, ingenieria | 工程
~manufacturing: manufacturing, manufacture, manufacturer, manufacturers, zhizao, jejo, chejo | 制造, 製造, 제조
~production: production, productions, shengchan, saengsan, proizvodstvenn+, proizvodstvo | 生产, 生產, 생산
~enterprise: enterprise, enterprises, qiye, gieop, kiop, predpriyatiye/predpriyatie/predpriiatie | 企业, 企業, 기업
~establishment: establishment, est, muassasa/muassasat/muassasah | 机构, 機構
~supply: supply, supplies, supplier, suppliers, gongying, snabzheniye/snabzhenie | 供应, 供應, 供应链, 공급
~equipment: equipment, equipments, shebei, seolbi, solbi, jangbi, changbi, oborudovaniye/oborudovanie | 设备, 設備, 설비, 장비
~materials: materials, material, cailiao, jaeryo, charyo, materialy | 材料, 재료
~resources: resources, resource, ziyuan, jawon, chawon, resursy | 资源, 資源, 자원
~agriculture: agriculture, agricultural, agro, nongye, nongeop, nongop, selskokhozyaystvenn+ | 农业, 農業, 농업
~food: food, foods, foodstuff, foodstuffs, shipin, sikpum, pishchev+ | 食品, 식품
~pharmaceutical: pharmaceutical, pharmaceuticals, pharma, yiyao, zhiyao, jeyak, cheyak, farmatsevtichesk+ | 医药, 醫藥, 制药, 製藥, 제약
~medical: medical, yiliao, uiryo, meditsinsk+ | 医疗, 醫療, 의료
~textile: textile, textiles, fangzhi, seomyu, somyu, tekstil | 纺织, 紡織, 섬유
~transport: transport, transportation, yunshu, unsong, transportn+ | 运输, 運輸, 운송
~aviation: aviation, airlines, airline, airways, hangkong, hanggong, aviatsionn+, aviakompaniya | 航空, 항공
~power: power, dianli, jeollyeok, chollyok | 电力, 電力, 전력
~telecom: telecom, telecommunications, telecommunication, communications, dianxin, tongxun, tongsin, svyaz, telekom | 电信, 電信, 通信, 通讯, 通訊, 통신
~software: software, ruanjian | 软件, 軟件, 軟體
~computer: computer, computers, jisuanji, diannao, keompyuteo, kompyuto | 计算机, 計算機, 电脑, 電腦, 컴퓨터
~consulting: consulting, consultancy, consultants, consultant, zixun guwen, konsalting | 咨询, 諮詢, 顾问, 顧問, 컨설팅
~management: management, menedzhment, guanli, gwalli, kwalli, upravleni+, upravlyayushch+ | 管理, 관리
~finance: finance, financial, financing, jinrong, geumyung, kumyung, finansov+ | 金融, 금융
~insurance: insurance, assurance, baoxian, boheom, bohom, strakhov+, strakhovaniye/strakhovanie | 保险, 保險, 보험
~capital: capital, ziben, jabon, chabon, kapital | 资本, 資本, 자본
~securities: securities, zhengquan, jeunggwon, chunggwon | 证券, 證券, 証券, 증권
~real_estate: real estate, realty, property, properties, fangdichan, zhiye, budongsan, pudongsan, nedvizhimost | 房地产, 房地產, 置业, 置業, 不動産, 부동산
~products: products, product, chanpin, jepum, chepum, produktsiya/produktsiia | 产品, 產品, 제품
~solutions: solutions, solution
~organization: organization, organisation, organizations, organizatsiya/organizatsiia, sazman
~bureau: bureau, byuro, buro
~design: design, konstruktorsk+, proyektn+, proektn+, sheji | 设计, 設計, 설계
~leasing: leasing, lizing, zulin | 租赁, 租賃, 리스
~innovation: innovation, innovations, innovative, chuangxin, innovatsionn+ | 创新, 創新, 혁신
~shipyard: shipyard, shipyards, shipbuilding, sudostroitel+, verf, chuanchang | 船厂, 船廠
~systems: systems, system, xitong, siseutem, sistemy | 系统, 系統, 시스템
~global: global, quanqiu, globaln+ | 全球
~agency: agency, agencies, daili, agentstvo | 代理
~travel: travel, tourism, tours, lvyou, luyou, yeohaeng | 旅游, 旅遊, 여행
~fishery: fishery, fisheries, fishing, yuye, susan, rybolovn+, rybn+ | 渔业, 漁業, 수산
~united: united, lianhe, yeonhap, yonhap, ryonhap, obyedinenn+/obedinenn+ | 联合, 聯合, 연합, 련합
~center: center, centre, tsentr, senteo | 中心, 센터
~association: association, obyedineniye/obedinenie/obiedinenie/obedineniye/obyedineniya/obedineniya, xiehui, hyeophoe, hyophoe, assotsiatsiya | 协会, 協會, 협회
~foundation: foundation, jijinhui, jaedan, chaedan, fond | 基金会, 基金會, 재단
~factory: factory, plant, works, gongchang, gongjang, kongjang, zavod, kombinat | 工厂, 工廠, 製作所, 공장
~office: office, banshichu, samuso, ofis, predstavitelstvo | 办事处, 辦事處, 사무소
~trust: trust, xintuo, sintak, trast | 信托, 信託, 신탁
~partners: partners, partnership, associates
~state: state, national, guoyou, guojia, gukga, kukka, gosudarstvenn+, natsionaln+ | 国有, 國有, 国家, 國家, 국가
~general: general, comprehensive, zonghe, jonghap, chonghap | 综合, 綜合, 종합
~auto: automotive, automobile, auto, qiche, jadongcha, chadongcha, avtomobiln+ | 汽车, 汽車, 自動車, 자동차
~parts: parts, spare parts, peijian, lingjian, bupum, pupum, zapchasti | 配件, 零件, 부품
~hardware: hardware, wujin | 五金
~economic_zone: free zone, economic zone, special economic zone
)";

constexpr std::string_view kStopwords[] = {
    "of",    "the",   "and",  "for", "de",  "la",   "le",   "les",  "des", "du",  "del",
    "della", "delle", "dei",  "di",  "dos", "das",  "der",  "die",  "den", "und", "et",
    "en",    "in",    "on",   "at",  "to",  "by",   "with", "from", "im",  "zu",  "zur",
    "au",    "aux",   "pour", "per", "por", "para", "och",  "og",
};

// Russian adjective endings across BGN, ISO 9, passport and German spellings.
constexpr std::string_view kAdjectiveEndings[] = {
    "yy", "yi",  "yj",  "iy",  "ii", "ij", "y",  "i",   "aya", "aia", "aja", "oye",
    "oe", "oie", "oy",  "oi",  "oj", "ye", "ie", "yye", "ogo", "ykh", "yh",  "ikh",
    "ih", "uyu", "uiu", "uju", "a",  "o",  "e",  "oje", "aja", "ije", "yje",
};

constexpr std::string_view kNeuterEndings[] = {"oye", "oe", "oie", "oje"};

TermClass ClassOfSymbol(std::string_view symbol) {
  return symbol.front() == '#' ? TermClass::kLegalForm : TermClass::kGeneric;
}

std::vector<CanonicalToken> ParseSymbols(std::string_view spec) {
  std::vector<CanonicalToken> out;
  for (const std::string& s : SplitTrimmed(spec, " ")) {
    out.push_back({s, ClassOfSymbol(s)});
  }
  return out;
}

// Every spelling of a phrase written with '/' alternatives and '+' stems.
std::vector<std::string> ExpandPhrase(std::string_view phrase) {
  std::vector<std::string> out = {""};
  for (const std::string& word : SplitTrimmed(phrase, " ")) {
    std::vector<std::string> spellings;
    for (const std::string& alt : SplitTrimmed(word, "/")) {
      if (alt.back() == '+' || alt.back() == '*') {
        std::string stem = alt.substr(0, alt.size() - 1);
        if (alt.back() == '+') {
          for (std::string_view e : kAdjectiveEndings) spellings.push_back(stem + std::string(e));
        } else {
          for (std::string_view e : kNeuterEndings) spellings.push_back(stem + std::string(e));
        }
      } else {
        spellings.push_back(alt);
      }
    }
    std::vector<std::string> next;
    for (const std::string& prefix : out) {
      for (const std::string& s : spellings) next.push_back(prefix.empty() ? s : prefix + " " + s);
    }
    out = std::move(next);
  }
  return out;
}

class TermTable {
 public:
  static const TermTable& Get() {
    static const TermTable table;
    return table;
  }

  // Latin phrases, keyed by their folded text.
  const std::vector<CanonicalToken>* FindLatin(const std::string& phrase) const {
    auto it = latin_.find(phrase);
    return it == latin_.end() ? nullptr : &it->second;
  }
  // The most tokens a phrase starting with `first` has; 0 when none does.
  size_t MaxTokensFrom(const std::string& first) const {
    auto it = first_token_.find(first);
    return it == first_token_.end() ? 0 : it->second;
  }
  const std::vector<CanonicalToken>* FindCjk(const std::u32string& text) const {
    auto it = cjk_.find(text);
    return it == cjk_.end() ? nullptr : &it->second;
  }
  size_t max_cjk_length() const { return max_cjk_length_; }
  bool IsStopword(const std::string& token) const { return stopwords_.count(token) > 0; }
  const std::vector<std::string>& vocabulary() const { return vocabulary_; }

 private:
  TermTable() {
    for (std::string_view line : Split(kTerms, '\n')) {
      line = Trim(line);
      size_t colon = line.find(':');
      if (line.empty() || colon == std::string_view::npos) continue;
      std::vector<CanonicalToken> symbols = ParseSymbols(line.substr(0, colon));
      std::string_view rest = line.substr(colon + 1);
      size_t bar = rest.find('|');
      std::string_view latin = rest.substr(0, bar);
      for (const std::string& phrase : SplitTrimmed(latin, ",")) {
        for (const std::string& spelling : ExpandPhrase(phrase)) {
          std::string key = FoldLatin(spelling);
          if (key.empty()) continue;
          // The first line that names a phrase wins: legal forms come first.
          if (!latin_.emplace(key, symbols).second) continue;
          std::vector<std::string> tokens = Tokenize(key);
          size_t& max_tokens = first_token_[tokens.front()];
          max_tokens = std::max(max_tokens, tokens.size());
        }
      }
      if (bar == std::string_view::npos) continue;
      for (const std::string& word : SplitTrimmed(rest.substr(bar + 1), ",")) {
        std::u32string key = NfkcCasefold(word);
        max_cjk_length_ = std::max(max_cjk_length_, key.size());
        cjk_.emplace(std::move(key), symbols);
      }
    }
    for (std::string_view w : kStopwords) stopwords_.emplace(w);
    std::unordered_set<std::string> words;
    for (const auto& [phrase, symbols] : latin_)
      for (const std::string& w : Tokenize(phrase)) words.insert(w);
    vocabulary_.assign(words.begin(), words.end());
    std::sort(vocabulary_.begin(), vocabulary_.end());
  }

  std::unordered_map<std::string, std::vector<CanonicalToken>> latin_;
  std::unordered_map<std::string, size_t> first_token_;
  std::unordered_map<std::u32string, std::vector<CanonicalToken>> cjk_;
  size_t max_cjk_length_ = 0;
  std::unordered_set<std::string> stopwords_;
  std::vector<std::string> vocabulary_;
};

CanonicalToken ClassifyWord(const std::string& token, const TermTable& table) {
  if (table.IsStopword(token)) return {token, TermClass::kStopword};
  if (IsAsciiDigits(token)) return {token, TermClass::kNumber};
  if (token.size() == 1 && token[0] >= 'a' && token[0] <= 'z') return {token, TermClass::kInitial};
  return {token, TermClass::kName};
}

bool IsCjkLetter(char32_t c) {
  Script s = ScriptOf(c);
  return s == Script::kHan || s == Script::kHangul || s == Script::kKana;
}

// Abbreviations written in parentheses: (주) = 주식회사, (株) = 株式会社.
std::u32string ExpandCjkAbbreviations(std::u32string text) {
  static const std::pair<std::u32string_view, std::u32string_view> kAbbrev[] = {
      {U"(주)", U" 주식회사 "},
      {U"(유)", U" 유한회사 "},
      {U"(株)", U" 株式会社 "},
      {U"(有)", U" 有限会社 "},
  };
  for (const auto& [from, to] : kAbbrev) {
    for (size_t pos = text.find(from); pos != std::u32string::npos; pos = text.find(from, pos)) {
      text.replace(pos, from.size(), to);
      pos += to.size();
    }
  }
  return text;
}

}  // namespace

std::string_view TermClassName(TermClass c) {
  switch (c) {
    case TermClass::kName:
      return "name";
    case TermClass::kLegalForm:
      return "legal_form";
    case TermClass::kGeneric:
      return "generic";
    case TermClass::kStopword:
      return "stopword";
    case TermClass::kNumber:
      return "number";
    case TermClass::kInitial:
      return "initial";
  }
  return "name";
}

std::vector<CanonicalToken> CanonicalizeOrgTokens(const std::vector<std::string>& tokens) {
  const TermTable& table = TermTable::Get();
  std::vector<CanonicalToken> out;
  out.reserve(tokens.size());
  std::string phrase;
  for (size_t i = 0; i < tokens.size();) {
    size_t max_len = std::min(table.MaxTokensFrom(tokens[i]), tokens.size() - i);
    size_t matched = 0;
    for (size_t len = max_len; len >= 1 && matched == 0; --len) {
      const std::vector<CanonicalToken>* symbols = nullptr;
      if (len == 1) {
        symbols = table.FindLatin(tokens[i]);
      } else {
        phrase = tokens[i];
        for (size_t k = 1; k < len; ++k) {
          phrase += ' ';
          phrase += tokens[i + k];
        }
        symbols = table.FindLatin(phrase);
      }
      if (symbols != nullptr) {
        out.insert(out.end(), symbols->begin(), symbols->end());
        matched = len;
      }
    }
    if (matched == 0) {
      out.push_back(ClassifyWord(tokens[i], table));
      matched = 1;
    }
    i += matched;
  }
  return out;
}

std::vector<CanonicalToken> SplitCjkOrgName(std::string_view utf8) {
  const TermTable& table = TermTable::Get();
  std::u32string text = ExpandCjkAbbreviations(NfkcCasefold(utf8));
  std::vector<CanonicalToken> out;
  std::u32string name;   // Han/Hangul/Kana letters not (yet) matched
  std::u32string other;  // everything else, folded as Latin text
  auto flush_name = [&] {
    if (!name.empty()) out.push_back({EncodeUtf8(name), TermClass::kName});
    name.clear();
  };
  auto flush_other = [&] {
    if (other.empty()) return;
    std::vector<CanonicalToken> latin =
        CanonicalizeOrgTokens(Tokenize(FoldLatin(EncodeUtf8(other))));
    out.insert(out.end(), latin.begin(), latin.end());
    other.clear();
  };
  for (size_t i = 0; i < text.size();) {
    if (!IsCjkLetter(text[i])) {
      flush_name();
      other.push_back(text[i]);
      ++i;
      continue;
    }
    flush_other();
    size_t max_len = std::min(table.max_cjk_length(), text.size() - i);
    size_t matched = 0;
    // Longest first, so 股份有限公司 wins over 公司 and 총회사 over 회사.
    for (size_t len = max_len; len >= 2 && matched == 0; --len) {
      if (const auto* symbols = table.FindCjk(text.substr(i, len))) {
        flush_name();
        out.insert(out.end(), symbols->begin(), symbols->end());
        matched = len;
      }
    }
    if (matched == 0) {
      name.push_back(text[i]);
      matched = 1;
    }
    i += matched;
  }
  flush_name();
  flush_other();
  return out;
}

const std::vector<std::string>& OrgVocabulary() { return TermTable::Get().vocabulary(); }

}  // namespace vigil::text
