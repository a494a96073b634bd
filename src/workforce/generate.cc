// A synthetic workforce for tests and benchmarks: thousands of benign workers
// with the noise real data has (VPNs, travel, shared homes, agencies,
// co-working offices, night owls, developers in China and Korea) and planted
// DPRK IT-worker schemes of several kinds, labelled.
//
// Deterministic for a seed on every platform: std::mt19937_64 is specified
// exactly by the standard, and every distribution below is our own (the
// standard library's are not portable across implementations).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "core/csv.h"
#include "core/io.h"
#include "core/strings.h"
#include "vigil/workforce.h"

namespace vigil::workforce {
namespace {

// --- randomness ---------------------------------------------------------------

uint64_t SplitMix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(SplitMix(seed)) {}
  Rng(uint64_t seed, uint64_t stream) : engine_(SplitMix(seed ^ SplitMix(stream + 1))) {}
  uint64_t Next() { return engine_(); }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  uint64_t Below(uint64_t n) {
    if (n <= 1) return 0;
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do {
      x = Next();
    } while (x >= limit);
    return x % n;
  }
  int Range(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<uint64_t>(hi - lo + 1)));
  }
  bool Chance(double p) { return Uniform() < p; }
  // Irwin-Hall: the sum of twelve uniforms is close to normal and needs only
  // additions, which round identically everywhere (std::log and std::cos do
  // not across C libraries).
  double Normal(double mean, double sd) {
    double sum = 0;
    for (int i = 0; i < 12; ++i) sum += Uniform();
    return mean + sd * (sum - 6);
  }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(Below(v.size()))];
  }
  size_t Weighted(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = Uniform() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }
  std::string Hex(int n) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < n; ++i) s.push_back(kDigits[Below(16)]);
    return s;
  }
  std::string Digits(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + Below(10)));
    return s;
  }
  std::string Base58(int n) {
    static constexpr char kAlphabet[] =
        "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    std::string s;
    for (int i = 0; i < n; ++i) s.push_back(kAlphabet[Below(58)]);
    return s;
  }

 private:
  std::mt19937_64 engine_;
};

// --- reference tables ----------------------------------------------------------

using Names = std::vector<std::string>;

struct NamePool {
  Names first;
  Names last;
  bool family_first = false;  // written family name first (zh, ko, vi)
};

const NamePool& Pool(std::string_view region) {
  static const std::map<std::string, NamePool, std::less<>> kPools = {
      {"anglo",
       {{"James",  "Mary",      "Robert",  "Patricia", "John",    "Jennifer", "Michael", "Linda",
         "David",  "Elizabeth", "William", "Barbara",  "Richard", "Susan",    "Joseph",  "Jessica",
         "Thomas", "Sarah",     "Chris",   "Karen",    "Daniel",  "Emily",    "Matthew", "Ashley",
         "Andrew", "Megan",     "Ryan",    "Olivia",   "Ethan",   "Hannah",   "Kevin",   "Rachel",
         "Brian",  "Laura",     "Jason",   "Amanda",   "Tyler",   "Nicole",   "Aaron",   "Grace"},
        {"Smith",    "Johnson", "Williams", "Brown",    "Jones",  "Miller",  "Davis",    "Wilson",
         "Anderson", "Taylor",  "Thomas",   "Moore",    "Martin", "Jackson", "Thompson", "White",
         "Harris",   "Clark",   "Lewis",    "Robinson", "Walker", "Young",   "Allen",    "King",
         "Wright",   "Scott",   "Green",    "Baker",    "Adams",  "Nelson",  "Hill",     "Campbell",
         "Mitchell", "Roberts", "Carter",   "Phillips", "Evans",  "Turner",  "Parker",   "Collins",
         "Edwards",  "Stewart", "Morris",   "Murphy",   "Cook",   "Rogers",  "Morgan",   "Cooper",
         "Peterson", "Reed"}}},
      {"hispanic",
       {{"Jose",  "Maria",   "Juan",      "Ana",      "Luis",      "Carmen",  "Carlos",
         "Sofia", "Jorge",   "Lucia",     "Miguel",   "Valentina", "Diego",   "Camila",
         "Pedro", "Daniela", "Alejandro", "Isabella", "Fernando",  "Gabriela"},
        {"Garcia",  "Rodriguez", "Martinez", "Hernandez", "Lopez",  "Gonzalez", "Perez",
         "Sanchez", "Ramirez",   "Torres",   "Flores",    "Rivera", "Gomez",    "Diaz",
         "Morales", "Ortiz",     "Castillo", "Romero",    "Vargas", "Mendoza"}}},
      {"german",
       {{"Lukas", "Anna", "Jonas", "Lea", "Felix", "Laura", "Maximilian", "Julia", "Leon", "Lena",
         "Paul", "Sarah", "Tim", "Katharina", "Jan", "Marie", "Daan", "Sanne"},
        {"Muller",  "Schmidt", "Schneider", "Fischer", "Weber",   "Meyer", "Wagner",
         "Becker",  "Schulz",  "Hoffmann",  "Koch",    "Richter", "Klein", "Wolf",
         "Neumann", "Schwarz", "de Vries",  "Jansen",  "Bakker",  "Visser"}}},
      {"french",
       {{"Louis", "Camille", "Hugo", "Chloe", "Lucas", "Manon", "Jules", "Ines", "Arthur", "Lea",
         "Nathan", "Emma", "Thomas", "Julie", "Antoine", "Claire"},
        {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
         "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garnier", "Faure"}}},
      {"polish",
       {{"Jakub", "Anna", "Kacper", "Zuzanna", "Piotr", "Katarzyna", "Tomasz", "Agnieszka",
         "Michal", "Magdalena", "Pawel", "Joanna", "Krzysztof", "Ewa", "Marcin", "Aleksandra"},
        {"Nowak", "Kowalski", "Wisniewski", "Wojcik", "Kowalczyk", "Kaminski", "Lewandowski",
         "Zielinski", "Szymanski", "Wozniak", "Dabrowski", "Kozlowski", "Jankowski", "Mazur",
         "Kwiatkowski", "Krawczyk"}}},
      {"ukrainian",
       {{"Oleksandr", "Olena", "Dmytro", "Iryna", "Andriy", "Nataliia", "Serhiy", "Tetiana",
         "Maksym", "Yuliia", "Ivan", "Anastasiia", "Mykola", "Kateryna", "Artem", "Svitlana"},
        {"Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko",
         "Oliynyk", "Lysenko", "Marchenko", "Rudenko", "Savchenko", "Sydorenko", "Pavlenko",
         "Moroz", "Kovalchuk"}}},
      {"russian",
       {{"Alexey", "Elena", "Dmitry", "Olga", "Sergey", "Tatiana", "Andrey", "Natalia", "Mikhail",
         "Irina", "Ivan", "Svetlana", "Nikolai", "Anna", "Pavel", "Maria"},
        {"Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Petrov", "Sokolov", "Mikhailov",
         "Novikov", "Fedorov", "Morozov", "Volkov", "Alekseev", "Lebedev", "Semenov", "Egorov"}}},
      {"indian",
       {{"Rahul",  "Priya", "Amit",   "Sneha",  "Vikram", "Anjali",  "Arjun",
         "Pooja",  "Rohan", "Neha",   "Suresh", "Divya",  "Karthik", "Lakshmi",
         "Sanjay", "Kavya", "Aditya", "Meera",  "Nikhil", "Shreya"},
        {"Sharma", "Patel",  "Singh", "Kumar",   "Gupta",  "Reddy",  "Iyer",
         "Nair",   "Rao",    "Mehta", "Joshi",   "Desai",  "Chopra", "Verma",
         "Menon",  "Pillai", "Bhat",  "Agarwal", "Kapoor", "Mishra"}}},
      {"filipino",
       {{"Juan", "Maria", "Jose", "Angelica", "Mark", "Kristine", "John Paul", "Mary Grace",
         "Christian", "Jasmine", "Paolo", "Camille"},
        {"Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Torres",
         "Villanueva", "Ramos", "Aquino", "Castillo", "Dela Cruz", "Navarro", "Soriano"}}},
      {"chinese",
       {{"Wei", "Fang", "Lei", "Min", "Jun", "Jing", "Tao", "Li", "Yang", "Hui", "Qiang", "Xin",
         "Hao", "Yan", "Bo", "Ling", "Chen", "Ying"},
        {"Wang", "Li",  "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu",  "Zhou",
         "Xu",   "Sun", "Ma",    "Zhu", "Hu",   "Guo",  "He",    "Lin",  "Gao", "Luo"},
        true}},
      {"korean",
       {{"Min-jun", "Seo-yeon", "Ji-hoon", "Ji-woo", "Hyun-woo", "Su-bin", "Jae-won", "Ha-eun",
         "Dong-hyun", "Ye-jin", "Sung-min", "Eun-ji", "Joon-ho", "Yu-na"},
        {"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh",
         "Seo", "Shin", "Kwon"},
        true}},
      {"japanese",
       {{"Haruto", "Yui", "Sota", "Hina", "Yuto", "Sakura", "Ren", "Mio", "Kaito", "Aoi", "Takumi",
         "Yuna"},
        {"Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura",
         "Kobayashi", "Kato", "Yoshida", "Yamada"}}},
      {"vietnamese",
       {{"Anh", "Minh", "Linh", "Huy", "Trang", "Duc", "Thao", "Khanh", "Ngoc", "Tuan", "Hoa",
         "Quang"},
        {"Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do", "Ho", "Ngo"},
        true}},
      {"nigerian",
       {{"Chinedu", "Ngozi", "Oluwaseun", "Aisha", "Emeka", "Funmilayo", "Tunde", "Chiamaka",
         "Ibrahim", "Blessing", "Kelechi", "Yetunde"},
        {"Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Ogunleye", "Nwosu", "Bello", "Adebayo",
         "Chukwu", "Olawale", "Ibekwe"}}},
      {"pakistani",
       {{"Ali", "Ayesha", "Hamza", "Fatima", "Usman", "Zainab", "Bilal", "Sana", "Imran", "Hira",
         "Faisal", "Mahnoor"},
        {"Khan", "Ahmed", "Hussain", "Malik", "Qureshi", "Sheikh", "Butt", "Chaudhry", "Raza",
         "Iqbal", "Siddiqui", "Mirza"}}},
      {"brazilian",
       {{"Joao", "Ana", "Pedro", "Mariana", "Gabriel", "Beatriz", "Lucas", "Juliana", "Rafael",
         "Larissa", "Matheus", "Camila"},
        {"Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Ferreira", "Costa",
         "Rodrigues", "Almeida", "Carvalho", "Gomes"}}},
      {"arabic",
       {{"Omar", "Layla", "Ahmed", "Nour", "Youssef", "Mariam", "Khaled", "Salma", "Tariq", "Huda",
         "Karim", "Rania"},
        {"Hassan", "Ali", "Mahmoud", "Ibrahim", "Abdullah", "Saleh", "Nasser", "Farouk", "Haddad",
         "Mansour", "Khalil", "Aziz"}}},
  };
  auto it = kPools.find(region);
  return it == kPools.end() ? kPools.at("anglo") : it->second;
}

struct City {
  std::string name;
  std::string region;  // state or province, may be empty
  std::string tz;
  int32_t offset;  // minutes
};

struct Bank {
  std::string name;
  std::string bic;
};

struct CountryProfile {
  std::string code;
  std::string name;
  double weight;
  std::vector<std::pair<std::string, double>> regions;  // name pools
  std::vector<City> cities;
  std::vector<Bank> banks;
  std::string currency;
  std::vector<int> octets;  // first octets of its synthetic address space
  std::string calling;
  int iban_length;  // 0 = domestic account numbers
};

const std::vector<CountryProfile>& Countries() {
  static const std::vector<CountryProfile> kCountries = {
      {"us",
       "United States",
       28,
       {{"anglo", 0.8}, {"hispanic", 0.2}},
       {{"New York", "NY", "America/New_York", -300},
        {"Boston", "MA", "America/New_York", -300},
        {"Atlanta", "GA", "America/New_York", -300},
        {"Columbus", "OH", "America/New_York", -300},
        {"Miami", "FL", "America/New_York", -300},
        {"Raleigh", "NC", "America/New_York", -300},
        {"Chicago", "IL", "America/Chicago", -360},
        {"Austin", "TX", "America/Chicago", -360},
        {"Dallas", "TX", "America/Chicago", -360},
        {"Nashville", "TN", "America/Chicago", -360},
        {"Minneapolis", "MN", "America/Chicago", -360},
        {"Denver", "CO", "America/Denver", -420},
        {"Phoenix", "AZ", "America/Phoenix", -420},
        {"Seattle", "WA", "America/Los_Angeles", -480},
        {"San Francisco", "CA", "America/Los_Angeles", -480},
        {"San Diego", "CA", "America/Los_Angeles", -480},
        {"Portland", "OR", "America/Los_Angeles", -480}},
       {{"JPMorgan Chase Bank", "CHASUS33"},
        {"Bank of America", "BOFAUS3N"},
        {"Wells Fargo Bank", "WFBIUS6S"},
        {"Citibank", "CITIUS33"},
        {"Capital One", "HIBKUS44"}},
       "USD",
       {73, 24, 98, 174, 71, 68},
       "1",
       0},
      {"ca",
       "Canada",
       5,
       {{"anglo", 1}},
       {{"Toronto", "ON", "America/Toronto", -300},
        {"Vancouver", "BC", "America/Vancouver", -480},
        {"Montreal", "QC", "America/Toronto", -300},
        {"Calgary", "AB", "America/Edmonton", -420}},
       {{"Royal Bank of Canada", "ROYCCAT2"},
        {"TD Canada Trust", "TDOMCATT"},
        {"Scotiabank", "NOSCCATT"}},
       "CAD",
       {99, 142, 70},
       "1",
       0},
      {"gb",
       "United Kingdom",
       6,
       {{"anglo", 0.85}, {"indian", 0.15}},
       {{"London", "", "Europe/London", 0},
        {"Manchester", "", "Europe/London", 0},
        {"Edinburgh", "", "Europe/London", 0},
        {"Bristol", "", "Europe/London", 0}},
       {{"Barclays Bank", "BARCGB22"},
        {"HSBC UK Bank", "HBUKGB4B"},
        {"Lloyds Bank", "LOYDGB2L"},
        {"Monzo Bank", "MONZGB2L"}},
       "GBP",
       {86, 81, 92},
       "44",
       22},
      {"de",
       "Germany",
       5,
       {{"german", 1}},
       {{"Berlin", "", "Europe/Berlin", 60},
        {"Munich", "", "Europe/Berlin", 60},
        {"Hamburg", "", "Europe/Berlin", 60}},
       {{"Deutsche Bank", "DEUTDEFF"}, {"Commerzbank", "COBADEFF"}, {"N26 Bank", "NTSBDEB1"}},
       "EUR",
       {84, 91, 87},
       "49",
       22},
      {"fr",
       "France",
       3,
       {{"french", 1}},
       {{"Paris", "", "Europe/Paris", 60}, {"Lyon", "", "Europe/Paris", 60}},
       {{"BNP Paribas", "BNPAFRPP"}, {"Societe Generale", "SOGEFRPP"}},
       "EUR",
       {90, 82},
       "33",
       27},
      {"nl",
       "Netherlands",
       2,
       {{"german", 1}},
       {{"Amsterdam", "", "Europe/Amsterdam", 60}, {"Utrecht", "", "Europe/Amsterdam", 60}},
       {{"ING Bank", "INGBNL2A"}, {"ABN AMRO", "ABNANL2A"}},
       "EUR",
       {145, 77},
       "31",
       18},
      {"es",
       "Spain",
       2,
       {{"hispanic", 1}},
       {{"Madrid", "", "Europe/Madrid", 60}, {"Barcelona", "", "Europe/Madrid", 60}},
       {{"Banco Santander", "BSCHESMM"}, {"BBVA", "BBVAESMM"}},
       "EUR",
       {88, 79},
       "34",
       24},
      {"pt",
       "Portugal",
       1,
       {{"brazilian", 1}},
       {{"Lisbon", "", "Europe/Lisbon", 0}, {"Porto", "", "Europe/Lisbon", 0}},
       {{"Millennium bcp", "BCOMPTPL"}},
       "EUR",
       {85},
       "351",
       25},
      {"pl",
       "Poland",
       5,
       {{"polish", 1}},
       {{"Warsaw", "", "Europe/Warsaw", 60},
        {"Krakow", "", "Europe/Warsaw", 60},
        {"Wroclaw", "", "Europe/Warsaw", 60}},
       {{"PKO Bank Polski", "BPKOPLPW"}, {"mBank", "BREXPLPW"}},
       "PLN",
       {83, 89},
       "48",
       28},
      {"ua",
       "Ukraine",
       5,
       {{"ukrainian", 1}},
       {{"Kyiv", "", "Europe/Kyiv", 120},
        {"Lviv", "", "Europe/Kyiv", 120},
        {"Kharkiv", "", "Europe/Kyiv", 120}},
       {{"PrivatBank", "PBANUA2X"}, {"Universal Bank", "UNJSUAUK"}},
       "UAH",
       {93, 176},
       "380",
       29},
      {"in",
       "India",
       10,
       {{"indian", 1}},
       {{"Bengaluru", "", "Asia/Kolkata", 330},
        {"Pune", "", "Asia/Kolkata", 330},
        {"Hyderabad", "", "Asia/Kolkata", 330},
        {"Chennai", "", "Asia/Kolkata", 330}},
       {{"HDFC Bank", "HDFCINBB"}, {"ICICI Bank", "ICICINBB"}, {"State Bank of India", "SBININBB"}},
       "INR",
       {49, 106, 117},
       "91",
       0},
      {"pk",
       "Pakistan",
       2,
       {{"pakistani", 1}},
       {{"Karachi", "", "Asia/Karachi", 300}, {"Lahore", "", "Asia/Karachi", 300}},
       {{"Habib Bank", "HABBPKKA"}, {"Meezan Bank", "MEZNPKKA"}},
       "PKR",
       {39, 119},
       "92",
       24},
      {"ph",
       "Philippines",
       4,
       {{"filipino", 1}},
       {{"Manila", "", "Asia/Manila", 480}, {"Cebu", "", "Asia/Manila", 480}},
       {{"BDO Unibank", "BNORPHMM"}, {"Bank of the Philippine Islands", "BOPIPHMM"}},
       "PHP",
       {112, 120},
       "63",
       0},
      {"vn",
       "Vietnam",
       2,
       {{"vietnamese", 1}},
       {{"Ho Chi Minh City", "", "Asia/Ho_Chi_Minh", 420}, {"Hanoi", "", "Asia/Ho_Chi_Minh", 420}},
       {{"Vietcombank", "BFTVVNVX"}, {"Techcombank", "VTCBVNVX"}},
       "VND",
       {113, 14},
       "84",
       0},
      {"cn",
       "China",
       3,
       {{"chinese", 1}},
       {{"Shanghai", "", "Asia/Shanghai", 480},
        {"Shenzhen", "", "Asia/Shanghai", 480},
        {"Beijing", "", "Asia/Shanghai", 480},
        {"Hangzhou", "", "Asia/Shanghai", 480}},
       {{"Bank of China", "BKCHCNBJ"},
        {"Industrial and Commercial Bank of China", "ICBKCNBJ"},
        {"China Merchants Bank", "CMBCCNBS"}},
       "CNY",
       {36, 58, 116},
       "86",
       0},
      {"kr",
       "South Korea",
       2,
       {{"korean", 1}},
       {{"Seoul", "", "Asia/Seoul", 540}, {"Busan", "", "Asia/Seoul", 540}},
       {{"KB Kookmin Bank", "CZNBKRSE"}, {"Shinhan Bank", "SHBKKRSE"}},
       "KRW",
       {121, 211},
       "82",
       0},
      {"jp",
       "Japan",
       1,
       {{"japanese", 1}},
       {{"Tokyo", "", "Asia/Tokyo", 540}, {"Osaka", "", "Asia/Tokyo", 540}},
       {{"MUFG Bank", "BOTKJPJT"}, {"Sumitomo Mitsui Banking", "SMBCJPJT"}},
       "JPY",
       {126, 153},
       "81",
       0},
      {"br",
       "Brazil",
       4,
       {{"brazilian", 1}},
       {{"Sao Paulo", "", "America/Sao_Paulo", -180},
        {"Rio de Janeiro", "", "America/Sao_Paulo", -180}},
       {{"Itau Unibanco", "ITAUBRSP"}, {"Banco do Brasil", "BRASBRRJ"}},
       "BRL",
       {177, 189},
       "55",
       29},
      {"mx",
       "Mexico",
       2,
       {{"hispanic", 1}},
       {{"Mexico City", "", "America/Mexico_City", -360},
        {"Guadalajara", "", "America/Mexico_City", -360}},
       {{"BBVA Mexico", "BCMRMXMM"}, {"Banorte", "MENOMXMT"}},
       "MXN",
       {187, 201},
       "52",
       0},
      {"ar",
       "Argentina",
       2,
       {{"hispanic", 1}},
       {{"Buenos Aires", "", "America/Argentina/Buenos_Aires", -180},
        {"Cordoba", "", "America/Argentina/Buenos_Aires", -180}},
       {{"Banco Galicia", "GABAARBA"}},
       "ARS",
       {181, 190},
       "54",
       0},
      {"co",
       "Colombia",
       1,
       {{"hispanic", 1}},
       {{"Bogota", "", "America/Bogota", -300}, {"Medellin", "", "America/Bogota", -300}},
       {{"Bancolombia", "COLOCOBM"}},
       "COP",
       {186},
       "57",
       0},
      {"ng",
       "Nigeria",
       2,
       {{"nigerian", 1}},
       {{"Lagos", "", "Africa/Lagos", 60}, {"Abuja", "", "Africa/Lagos", 60}},
       {{"Guaranty Trust Bank", "GTBINGLA"}, {"Access Bank", "ABNGNGLA"}},
       "NGN",
       {105, 102},
       "234",
       0},
      {"eg",
       "Egypt",
       1,
       {{"arabic", 1}},
       {{"Cairo", "", "Africa/Cairo", 120}},
       {{"Commercial International Bank", "CIBEEGCX"}},
       "EGP",
       {41, 156},
       "20",
       29},
      {"ae",
       "United Arab Emirates",
       1,
       {{"arabic", 0.5}, {"indian", 0.5}},
       {{"Dubai", "", "Asia/Dubai", 240}},
       {{"Emirates NBD", "EBILAEAD"}},
       "AED",
       {94, 5},
       "971",
       23},
      {"ru",
       "Russia",
       1,
       {{"russian", 1}},
       {{"Moscow", "", "Europe/Moscow", 180}, {"Saint Petersburg", "", "Europe/Moscow", 180}},
       // Western-owned banks: the big Russian ones are on sanctions lists,
       // and paying into them is real exposure, not a look-alike.
       {{"Raiffeisenbank", "RZBMRUMM"}, {"UniCredit Bank", "IMBKRUMM"}},
       "RUB",
       {95, 178},
       "7",
       0},
      {"au",
       "Australia",
       2,
       {{"anglo", 1}},
       {{"Sydney", "NSW", "Australia/Sydney", 600},
        {"Melbourne", "VIC", "Australia/Melbourne", 600}},
       {{"Commonwealth Bank", "CTBAAU2S"}, {"ANZ", "ANZBAU3M"}},
       "AUD",
       {101, 110},
       "61",
       0},
  };
  return kCountries;
}

const CountryProfile& CountryByCode(std::string_view code) {
  for (const auto& c : Countries())
    if (c.code == code) return c;
  return Countries().front();
}

const std::vector<std::string>& Streets() {
  static const std::vector<std::string> kStreets = {
      "Oak",       "Maple",  "Cedar",  "Pine",    "Elm",      "Washington", "Lake",      "Hill",
      "Park",      "Main",   "Sunset", "River",   "Highland", "Church",     "Mill",      "Spring",
      "Forest",    "Meadow", "Willow", "Ridge",   "Chestnut", "Lincoln",    "Jefferson", "Walnut",
      "Quail Run", "Birch",  "Harbor", "Orchard", "Valley",   "Franklin"};
  return kStreets;
}

const std::vector<std::string>& StreetKinds() {
  static const std::vector<std::string> kKinds = {"St", "Ave", "Rd", "Dr", "Ln", "Blvd", "Ct"};
  return kKinds;
}

struct VpnProvider {
  std::string name;
  int octet;
};

const std::vector<VpnProvider>& CommercialVpns() {
  static const std::vector<VpnProvider> kVpns = {
      {"NordVPN", 185},   {"ExpressVPN", 146}, {"ProtonVPN", 149},
      {"Surfshark", 194}, {"Mullvad", 193},    {"Private Internet Access", 212}};
  return kVpns;
}
const VpnProvider kAstrill{"Astrill VPN", 45};
const std::vector<std::string> kVpnExits = {"us", "nl", "de", "gb", "se", "ch", "sg", "jp", "ca"};

// Public SDN digital currency addresses of Kim Sang Man (OFAC, 23 May 2023),
// a Chinyong IT-worker facilitator.
const std::vector<std::pair<std::string, std::string>> kListedWallets = {
    {"XBT", "1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ"},
    {"XBT", "1FCNgfZWpYMeYhy9t18AAkTBu8AsdoAc1Z"},
    {"ETH", "0x97b1043abd9e6fc31681635166d430a458d14f9c"},
    {"USDT", "0xb6f5ec1a0a9cd1526536d3f0426c429529471f40"},
};

struct Agency {
  std::string name;
  std::string country;
  std::string bank;
  std::string bic;
};

const std::vector<Agency>& Agencies() {
  static const std::vector<Agency> kAgencies = {
      {"Northwind Talent Ltd", "gb", "Barclays Bank", "BARCGB22"},
      {"BrightHire Staffing LLC", "us", "JPMorgan Chase Bank", "CHASUS33"},
      {"Remote Payroll Services BV", "nl", "ING Bank", "INGBNL2A"},
      {"Nearshore Devs SA", "mx", "BBVA Mexico", "BCMRMXMM"},
      {"Gulf Talent Payroll FZ-LLC", "ae", "Emirates NBD", "EBILAEAD"},
      {"Bangalore Tech Services Pvt Ltd", "in", "HDFC Bank", "HDFCINBB"},
      {"Manila Outsourcing Solutions Inc", "ph", "BDO Unibank", "BNORPHMM"},
      {"Vistula Software House", "pl", "mBank", "BREXPLPW"},
      {"GlobalWork Employer of Record Inc", "us", "Citibank", "CITIUS33"},
  };
  return kAgencies;
}

// --- the plan of one worker ------------------------------------------------------

struct Trip {
  int from_day, to_day;
  std::string country;
  bool vpn;
};

struct Payout {
  int from_day = 0;  // applies from this day (relative to the start)
  PayMethod method = PayMethod::kBank;
  std::string account, holder, bank, swift, bank_country, currency;
};

struct Plan {
  Worker w;
  Label label;
  const CountryProfile* home = nullptr;
  const City* city = nullptr;
  // When and how much the person works.
  int first_day = 0, last_day = 0;  // active days relative to the start, inclusive
  int32_t work_offset = 0;          // offset of the place the person really works from
  double hour_mean = 10, hour_sd = 1.5;
  double spw = 3;
  bool six_days = false, seven_days = false;
  // Networks.
  std::string home_ip, home_ip2;
  int ip_change_day = 1 << 30;
  std::string office_ip;
  double office_share = 0;
  double vpn_share = 0;
  VpnProvider vpn;
  std::string vpn_exit;
  double hosting_share = 0;
  std::string hosting_country;
  double leak_share = 0;
  std::string leak_country;
  std::string leak_ip;
  double kp_share = 0;
  double farm_share = 0;
  std::string farm_ip;
  double remote_share = 0;
  std::string remote_tool;
  int benign_remote_sessions = 0;
  std::vector<Trip> trips;
  bool glitch = false;
  int group_key = -1;  // operators: sticky VPN exits per day across personas
  // Devices.
  std::string device, device2, mfa;
  int device_change_day = 1 << 30;
  std::vector<std::string> shared_devices;  // used on a share of sessions
  double shared_device_share = 0;
  // Money and equipment.
  std::vector<Payout> payouts;
  double pay_mean = 4000;
  std::vector<std::pair<int, std::string>> shipments;  // day, address
  std::string ship_item = "Laptop";
};

std::string Ip(Rng& rng, int first) {
  return fmt::format("{}.{}.{}.{}", first, rng.Range(0, 255), rng.Range(0, 255), rng.Range(1, 254));
}

std::string CountryIp(Rng& rng, std::string_view code) {
  if (code == "kp") return fmt::format("175.45.{}.{}", 176 + rng.Range(0, 3), rng.Range(1, 254));
  for (const auto& c : Countries())
    if (c.code == code) return Ip(rng, rng.Pick(c.octets));
  // Countries outside the profile table (trip destinations): a fixed block.
  int first =
      150 +
      static_cast<int>((static_cast<unsigned>(code[0]) * 31 + static_cast<unsigned>(code[1])) % 40);
  return Ip(rng, first);
}

// VPN exits are pools shared by every customer of the provider.
std::string VpnIp(Rng& rng, const VpnProvider& p, std::string_view exit, int pool = 256) {
  size_t ci = 0;
  for (; ci < kVpnExits.size() && kVpnExits[ci] != exit; ++ci) {
  }
  int slot = rng.Range(0, pool - 1);
  return fmt::format("{}.{}.{}.{}", p.octet, 10 + static_cast<int>(ci) * 10 + slot / 254 % 10,
                     slot % 254 + 1, 100 + static_cast<int>(ci));
}

std::string HostingIp(Rng& rng, std::string_view country) {
  int block = country == "us" ? 104 : country == "nl" ? 5 : country == "de" ? 116 : 139;
  return fmt::format("{}.{}.{}.{}", block, rng.Range(0, 255), rng.Range(0, 255), rng.Range(1, 254));
}

class Generator {
 public:
  explicit Generator(const GeneratorOptions& o) : o_(o), rng_(o.seed, 0) {
    int64_t t;
    if (!ParseTime(o.start_date, &t)) ParseTime("2024-01-01", &t);
    start_ = t - ((t % 86400) + 86400) % 86400;
    days_ = std::max(1, o.days);
  }

  Generated Run() {
    std::vector<Plan> plans;
    PlanBenign(&plans);
    PlanSchemes(&plans);
    // Interleave planted workers with the benign ones.
    for (size_t i = plans.size(); i > 1; --i) std::swap(plans[i - 1], plans[rng_.Below(i)]);
    Generated out;
    out.data.columns["workers"] = {
        "id",       "name",     "email",      "phone",           "country",          "city",
        "timezone", "address",  "birth_date", "document_number", "document_country", "photo_hash",
        "github",   "linkedin", "portfolio",  "hire_date",       "platform",         "ban_date"};
    out.data.columns["payments"] = {"id",       "worker_id",    "date",    "amount",
                                    "currency", "method",       "account", "holder",
                                    "bank",     "bank_country", "swift"};
    out.data.columns["logins"] = {"worker_id",  "time",          "ip",
                                  "ip_country", "network",       "vpn_provider",
                                  "device_id",  "mfa_device_id", "remote_tool"};
    out.data.columns["shipments"] = {"worker_id", "date", "item", "address"};
    for (size_t i = 0; i < plans.size(); ++i) {
      plans[i].w.id = fmt::format("W{:06}", i + 1);
      plans[i].label.worker_id = plans[i].w.id;
      plans[i].w.where = "generated";
    }
    double expected_logins = 0;
    for (const auto& p : plans)
      expected_logins += p.spw / 5.0 * std::max(0, p.last_day - p.first_day + 1) * 1.15;
    out.data.logins.reserve(static_cast<size_t>(expected_logins));
    for (size_t i = 0; i < plans.size(); ++i) {
      Plan& p = plans[i];
      uint32_t index = out.data.AddWorker(p.w);
      Rng rng(o_.seed, 1000003ULL + i);
      Activity(p, index, rng, &out.data);
      out.labels.push_back(std::move(p.label));
    }
    return out;
  }

 private:
  // --- identities ---------------------------------------------------------------

  int64_t DayTime(int day) const { return start_ + int64_t{day} * 86400; }

  const CountryProfile& PickCountry(Rng& rng) {
    std::vector<double> w;
    for (const auto& c : Countries()) w.push_back(c.weight);
    return Countries()[rng.Weighted(w)];
  }

  std::string PickRegion(Rng& rng, const CountryProfile& c) {
    std::vector<double> w;
    for (const auto& r : c.regions) w.push_back(r.second);
    return c.regions[rng.Weighted(w)].first;
  }

  std::string FullName(const NamePool& pool, const std::string& first, const std::string& last) {
    return pool.family_first ? last + " " + first : first + " " + last;
  }

  std::string Address(Rng& rng, const CountryProfile& c, const City& city) {
    std::string line =
        fmt::format("{} {} {}", rng.Range(1, 9899), rng.Pick(Streets()), rng.Pick(StreetKinds()));
    if (rng.Chance(0.25)) line += fmt::format(" Apt {}", rng.Range(1, 40));
    if (c.code == "us" || c.code == "ca" || c.code == "au")
      return fmt::format("{}, {}, {} {}, {}", line, city.name, city.region, rng.Digits(5), c.name);
    return fmt::format("{}, {} {}, {}", line, rng.Digits(5), city.name, c.name);
  }

  std::string Account(Rng& rng, const CountryProfile& c) {
    if (c.iban_length > 0)
      return AsciiUpper(c.code) + rng.Digits(2) + " " + rng.Digits(c.iban_length - 4);
    return rng.Digits(rng.Range(10, 12));
  }

  std::string Phone(Rng& rng, std::string_view calling) {
    if (calling == "1")
      return fmt::format("+1 {}{}{}-{}-{}", rng.Range(2, 9), rng.Digits(2), "", rng.Digits(3),
                         rng.Digits(4));
    return fmt::format("+{} {} {}", calling, rng.Digits(3), rng.Digits(6));
  }

  std::string Email(Rng& rng, const std::string& first, const std::string& last) {
    static const std::vector<std::string> kDomains = {"gmail.com",   "gmail.com",  "gmail.com",
                                                      "outlook.com", "yahoo.com",  "proton.me",
                                                      "icloud.com",  "hotmail.com"};
    std::string f = AsciiLower(first), l = AsciiLower(last);
    f.erase(std::remove_if(f.begin(), f.end(), [](char ch) { return ch == ' ' || ch == '-'; }),
            f.end());
    l.erase(std::remove_if(l.begin(), l.end(), [](char ch) { return ch == ' ' || ch == '-'; }),
            l.end());
    std::string local;
    switch (rng.Range(0, 4)) {
      case 0:
        local = f + "." + l;
        break;
      case 1:
        local = f + l + rng.Digits(2);
        break;
      case 2:
        local = f.substr(0, 1) + l + rng.Digits(rng.Range(1, 4));
        break;
      case 3:
        local = f + "_" + l + rng.Digits(3);
        break;
      default:
        local = l + "." + f + rng.Digits(2);
        break;
    }
    return local + "@" + rng.Pick(kDomains);
  }

  std::string Holder(Rng& rng, const std::string& name) {
    auto parts = SplitTrimmed(name, " ");
    switch (rng.Range(0, 4)) {
      case 0:
      case 1:
        return AsciiUpper(name);
      case 2:
        if (parts.size() >= 2)
          return AsciiUpper(parts.back()) + ", " + Join({parts.begin(), parts.end() - 1}, " ");
        return name;
      default:
        return name;
    }
  }

  // A person with an identity of country `c` (real for the benign; stolen or
  // invented for the planted).
  Plan Person(Rng& rng, const CountryProfile& c) {
    Plan p;
    p.home = &c;
    p.city = &rng.Pick(c.cities);
    const NamePool& pool = Pool(PickRegion(rng, c));
    std::string first = rng.Pick(pool.first), last = rng.Pick(pool.last);
    Worker& w = p.w;
    w.name = FullName(pool, first, last);
    w.email = Email(rng, first, last);
    // A mailbox belongs to one person.
    while (!emails_.insert(AsciiLower(w.email)).second)
      w.email = Email(rng, first, last + rng.Digits(2));
    w.phone = Phone(rng, c.calling);
    // Phone numbers and documents belong to one person, as mailboxes do.
    while (!phones_.insert(w.phone).second) w.phone = Phone(rng, c.calling);
    w.country = c.code;
    w.city = p.city->name;
    w.timezone = p.city->tz;
    w.utc_offset_known = true;
    w.utc_offset_minutes = p.city->offset;
    w.address = Address(rng, c, *p.city);
    w.birth_date =
        fmt::format("{}-{:02}-{:02}", rng.Range(1965, 2001), rng.Range(1, 12), rng.Range(1, 28));
    w.document_number = AsciiUpper(rng.Hex(2)) + rng.Digits(7);
    while (!documents_.insert(w.document_number).second)
      w.document_number = AsciiUpper(rng.Hex(2)) + rng.Digits(7);
    w.document_country = c.code;
    if (rng.Chance(0.06)) w.document_country = PickCountry(rng).code;  // migrants
    w.photo_hash = rng.Hex(16);
    std::string handle =
        AsciiLower(first.substr(0, 1) + last) + (rng.Chance(0.5) ? rng.Digits(2) : "");
    handle.erase(std::remove(handle.begin(), handle.end(), ' '), handle.end());
    if (rng.Chance(0.75)) w.github = "https://github.com/" + handle;
    if (rng.Chance(0.65)) w.linkedin = "https://www.linkedin.com/in/" + handle + "-" + rng.Hex(4);
    if (rng.Chance(0.2)) w.portfolio = "https://" + handle + ".dev";
    static const std::vector<std::string> kPlatforms = {"direct", "direct",     "Upwork",
                                                        "Toptal", "Freelancer", "referral"};
    w.platform = rng.Pick(kPlatforms);
    int hire = rng.Range(-720, days_ - 30);
    w.hire_time = DayTime(hire);
    p.first_day = std::max(0, hire);
    p.last_day = days_ - 1;
    if (rng.Chance(0.08)) p.last_day = rng.Range(p.first_day, days_ - 1);  // left
    p.work_offset = p.city->offset;
    p.hour_mean = rng.Normal(9.5, 0.8);
    p.hour_sd = 1.6;
    p.spw = std::max(0.5, rng.Normal(o_.sessions_per_week, o_.sessions_per_week * 0.25));
    p.home_ip = CountryIp(rng, c.code);
    if (rng.Chance(0.1)) {
      p.home_ip2 = CountryIp(rng, c.code);
      p.ip_change_day = rng.Range(0, days_ - 1);
    }
    p.device = "dev-" + rng.Hex(12);
    if (rng.Chance(0.2)) {
      p.device2 = "dev-" + rng.Hex(12);
      p.device_change_day = rng.Range(0, days_ - 1);
    }
    p.mfa = "mfa-" + rng.Hex(12);
    // Pay: the person's own account, sometimes through a payment service.
    Payout pay;
    pay.holder = Holder(rng, w.name);
    double kind = rng.Uniform();
    if (kind < 0.72) {
      const Bank& b = rng.Pick(c.banks);
      pay.method = PayMethod::kBank;
      pay.account = Account(rng, c);
      pay.bank = b.name;
      pay.swift = b.bic;
      pay.bank_country = c.code;
      pay.currency = c.currency;
    } else if (kind < 0.96) {
      bool wise = rng.Chance(0.5);
      pay.method = PayMethod::kService;
      pay.account = (wise ? "WISE-" : "PAYO-") + rng.Digits(10);
      pay.bank = wise ? "Wise Europe SA" : "Payoneer Inc";
      pay.bank_country = wise ? "be" : "us";
      pay.currency = "USD";
    } else {
      pay.method = PayMethod::kCard;
      pay.account = "**** **** **** " + rng.Digits(4);  // exports mask card numbers
      pay.bank = rng.Pick(c.banks).name;
      pay.bank_country = c.code;
      pay.currency = c.currency;
    }
    p.payouts.push_back(pay);
    p.pay_mean = c.code == "us" || c.code == "gb" || c.code == "ca" || c.code == "au" ? 7000 : 3500;
    if (rng.Chance(0.55)) p.shipments.push_back({std::max(0, hire), w.address});
    if (rng.Chance(0.1)) p.ship_item = rng.Chance(0.5) ? "MacBook Pro 14" : "ThinkPad T14";
    return p;
  }

  void Tag(Plan& p, std::string tag) { p.label.tags.push_back(std::move(tag)); }

  // --- benign population ------------------------------------------------------------

  void PlanBenign(std::vector<Plan>* plans) {
    uint32_t n = o_.workers;
    size_t planted = PlantedCount();
    size_t benign = n > planted ? n - planted : 0;
    Rng rng(o_.seed, 1);
    while (plans->size() < benign) {
      const CountryProfile& c = PickCountry(rng);
      Plan p = Person(rng, c);
      Benign(rng, p);
      // Households: a partner, flatmate or relative also works here.
      if (rng.Chance(0.025) && plans->size() + 2 <= benign) {
        int extra = rng.Chance(0.8) ? 1 : 2;
        Tag(p, "family");
        plans->push_back(p);
        for (int k = 0; k < extra; ++k) {
          Plan q = Person(rng, c);
          Benign(rng, q);
          const Plan& head = (*plans)[plans->size() - 1 - static_cast<size_t>(k)];
          q.city = head.city;
          q.w.city = head.w.city;
          q.w.timezone = head.w.timezone;
          q.w.utc_offset_minutes = head.w.utc_offset_minutes;
          q.work_offset = head.work_offset;
          q.w.address = head.w.address;
          q.home_ip = head.home_ip;
          q.home_ip2 = head.home_ip2;
          q.ip_change_day = head.ip_change_day;
          if (!q.shipments.empty()) q.shipments[0].second = q.w.address;
          if (rng.Chance(0.7)) {
            // Same family name.
            auto hp = SplitTrimmed(head.w.name, " ");
            auto qp = SplitTrimmed(q.w.name, " ");
            if (hp.size() >= 2 && qp.size() >= 2) {
              if (Pool(PickRegion(rng, c)).family_first)
                qp.front() = hp.front();
              else
                qp.back() = hp.back();
              q.w.name = Join(qp, " ");
              bool agency = std::find(q.label.tags.begin(), q.label.tags.end(), "agency") !=
                            q.label.tags.end();
              if (!agency) q.payouts[0].holder = Holder(rng, q.w.name);
            }
          }
          if (rng.Chance(0.3)) {
            // Paid into the partner's account.
            Payout joint = head.payouts[0];
            joint.from_day = 0;
            q.payouts = {joint};
            Tag(q, "joint_account");
          }
          Tag(q, "family");
          plans->push_back(std::move(q));
        }
        continue;
      }
      plans->push_back(std::move(p));
    }
    // Co-working offices: a few colleagues per city share the office IP.
    std::map<std::string, std::vector<size_t>> by_city;
    for (size_t i = 0; i < plans->size(); ++i)
      if (rng.Chance(0.05)) by_city[(*plans)[i].w.country + "|" + (*plans)[i].w.city].push_back(i);
    for (auto& [city, members] : by_city) {
      for (size_t start = 0; start + 3 <= members.size();) {
        size_t size =
            std::min<size_t>(members.size() - start, static_cast<size_t>(rng.Range(3, 8)));
        std::string ip = CountryIp(rng, (*plans)[members[start]].w.country);
        for (size_t k = start; k < start + size; ++k) {
          Plan& p = (*plans)[members[k]];
          p.office_ip = ip;
          p.office_share = rng.Uniform() * 0.4 + 0.3;
          Tag(p, "coworking");
        }
        start += size;
      }
    }
  }

  void Benign(Rng& rng, Plan& p) {
    const std::string& cc = p.w.country;
    if (rng.Chance(0.03)) {
      p.hour_mean = rng.Normal(22.5, 1.0);
      p.hour_sd = 1.5;
      p.seven_days = rng.Chance(0.5);
      Tag(p, "night_owl");
    }
    if (rng.Chance(0.07) || (cc == "cn" && rng.Chance(0.35))) {
      // Commercial VPN for privacy (or, in China, to reach blocked sites).
      p.vpn = cc == "cn" && rng.Chance(0.5) ? kAstrill
              : rng.Chance(0.03)            ? kAstrill
                                            : rng.Pick(CommercialVpns());
      p.vpn_share = 0.3 + 0.7 * rng.Uniform();
      p.vpn_exit =
          std::find(kVpnExits.begin(), kVpnExits.end(), cc) != kVpnExits.end() && rng.Chance(0.6)
              ? cc
              : rng.Pick(kVpnExits);
      Tag(p, "vpn_user");
    }
    if (rng.Chance(0.06)) {
      static const std::vector<std::string> kDest = {"us", "gb", "fr", "es", "it", "de", "jp",
                                                     "th", "mx", "pt", "gr", "ae", "sg", "cn",
                                                     "tr", "br", "au", "ca", "id", "hr"};
      int trips = rng.Range(1, 3);
      bool vpn = rng.Chance(0.4);
      for (int t = 0; t < trips; ++t) {
        int from = rng.Range(p.first_day, std::max(p.first_day, p.last_day - 5));
        std::string dest = rng.Pick(kDest);
        if (dest == cc) continue;
        p.trips.push_back({from, from + rng.Range(4, 14), dest, vpn});
      }
      if (vpn && p.vpn_share == 0) {
        p.vpn = rng.Pick(CommercialVpns());
        p.vpn_exit = std::find(kVpnExits.begin(), kVpnExits.end(), cc) != kVpnExits.end()
                         ? cc
                         : rng.Pick(kVpnExits);
      }
      Tag(p, vpn ? "traveller_vpn" : "traveller");
    }
    if (rng.Chance(0.02)) {
      p.glitch = true;
      Tag(p, "geo_glitch");
    }
    if (rng.Chance(0.03)) {
      p.benign_remote_sessions = rng.Range(1, 4);
      p.remote_tool = rng.Chance(0.5) ? "TeamViewer" : "AnyDesk";
      Tag(p, "remote_support");
    }
    if (rng.Chance(0.08)) {
      const Agency& a = rng.Pick(Agencies());
      Payout pay;
      pay.method = PayMethod::kBank;
      pay.holder = a.name;
      pay.bank = a.bank;
      pay.swift = a.bic;
      pay.bank_country = a.country;
      pay.currency = "USD";
      pay.account =
          "AGENCY-" + AsciiUpper(a.country) + "-" + std::to_string(a.name.size() * 7919 % 100000);
      p.payouts = {pay};
      p.w.platform = a.name;
      Tag(p, "agency");
    } else if (rng.Chance(0.03)) {
      Payout pay;
      pay.method = PayMethod::kCrypto;
      pay.account = "0x" + rng.Hex(40);
      pay.holder = p.w.name;
      pay.currency = "USDC";
      p.payouts = {pay};
      Tag(p, "crypto_payee");
    }
    if (rng.Chance(0.03) && !p.shipments.empty()) {
      p.shipments[0].second = Address(rng, *p.home, *p.city);
      Tag(p, "ship_elsewhere");
    }
    if (rng.Chance(0.01)) {
      p.w.ban_time = DayTime(rng.Range(p.first_day, std::max(p.first_day, p.last_day)));
      p.last_day = std::min(p.last_day, static_cast<int>((p.w.ban_time - start_) / 86400));
      Tag(p, "banned");
    }
    if (cc == "cn") Tag(p, "cn_dev");
    if (cc == "kr") Tag(p, "kr_dev");
    if (cc == "ru") Tag(p, "ru_dev");
  }

  // --- planted schemes -------------------------------------------------------------

  struct SchemeCounts {
    size_t operators, farms, facilitators, sanctioned, bans, remote;
  };

  SchemeCounts Counts() const {
    if (o_.workers_per_scheme == 0) return {0, 0, 0, 0, 0, 0};
    double unit = static_cast<double>(o_.workers) / o_.workers_per_scheme;
    auto n = [&](double factor) { return std::max<size_t>(1, static_cast<size_t>(unit * factor)); };
    return {n(1.0), n(0.4), n(0.6), n(0.3), n(0.5), n(1.0)};
  }

  // Sizes are drawn from their own stream so that the benign part knows how
  // many workers to leave for the schemes.
  std::vector<int> GroupSizes() const {
    SchemeCounts c = Counts();
    Rng rng(o_.seed, 2);
    std::vector<int> sizes;
    for (size_t i = 0; i < c.operators; ++i) sizes.push_back(rng.Range(3, 6));
    for (size_t i = 0; i < c.farms; ++i) sizes.push_back(rng.Range(4, 9));
    for (size_t i = 0; i < c.facilitators; ++i) sizes.push_back(rng.Range(2, 4));
    for (size_t i = 0; i < c.sanctioned; ++i) sizes.push_back(rng.Range(1, 2));
    for (size_t i = 0; i < c.bans; ++i) sizes.push_back(2);
    for (size_t i = 0; i < c.remote; ++i) sizes.push_back(1);
    return sizes;
  }

  size_t PlantedCount() const {
    size_t total = 0;
    for (int s : GroupSizes()) total += static_cast<size_t>(s);
    return total;
  }

  const CountryProfile& ClaimedCountry(Rng& rng) {
    static const std::vector<std::pair<std::string, double>> kClaims = {
        {"us", 0.6},  {"ca", 0.1},  {"gb", 0.08}, {"pl", 0.06},
        {"ua", 0.06}, {"jp", 0.05}, {"de", 0.05}};
    std::vector<double> w;
    for (const auto& c : kClaims) w.push_back(c.second);
    return CountryByCode(kClaims[rng.Weighted(w)].first);
  }

  // Behaviour shared by planted personas: where the operator really sits.
  void Operator(Rng& rng, Plan& p, std::string_view base, double astrill, int group_key) {
    p.work_offset = base == "ru" ? 600 : (rng.Chance(0.5) ? 480 : 540);
    p.hour_mean = rng.Normal(12.5, 1.0);
    p.hour_sd = 2.8;
    p.six_days = true;
    p.spw = std::max(2.0, rng.Normal(o_.sessions_per_week * 1.2, 0.5));
    p.vpn = kAstrill;
    p.vpn_share = astrill;
    p.vpn_exit = std::find(kVpnExits.begin(), kVpnExits.end(), p.w.country) != kVpnExits.end()
                     ? p.w.country
                     : "us";
    p.hosting_share = 0.08;
    p.hosting_country = p.vpn_exit;
    p.leak_share = 0.03 + 0.03 * rng.Uniform();
    p.leak_country = std::string(base);
    p.leak_ip = CountryIp(rng, base);
    p.kp_share = rng.Chance(0.1) ? 0.005 : 0;
    p.group_key = group_key;
    // The stolen identity's "home" connection is never used.
    p.home_ip = p.leak_ip;
    p.home_ip2.clear();
    p.ip_change_day = 1 << 30;
    p.trips.clear();
  }

  Plan Persona(Rng& rng, const CountryProfile& c, const std::string& scheme,
               const std::string& group) {
    Plan p = Person(rng, c);
    p.label.scheme = scheme;
    p.label.group = group;
    p.w.platform = rng.Chance(0.6) ? "Upwork" : rng.Chance(0.5) ? "Freelancer" : "direct";
    // Thin online presence is common but not universal.
    if (rng.Chance(0.4)) p.w.linkedin.clear();
    if (rng.Chance(0.3)) p.w.github.clear();
    p.w.phone = Phone(rng, "1");  // VoIP numbers
    while (!phones_.insert(p.w.phone).second) p.w.phone = Phone(rng, "1");
    int hire = rng.Range(-200, days_ - 120);
    p.w.hire_time = DayTime(hire);
    p.first_day = std::max(0, hire);
    p.last_day = days_ - 1;
    return p;
  }

  Payout BankPayout(Rng& rng, const std::string& country, const std::string& holder) {
    const CountryProfile& c = CountryByCode(country);
    const Bank& b = rng.Pick(c.banks);
    Payout pay;
    pay.method = PayMethod::kBank;
    pay.account = Account(rng, c);
    pay.holder = holder;
    pay.bank = b.name;
    pay.swift = b.bic;
    pay.bank_country = country;
    pay.currency = country == "cn" ? "CNY" : country == "ru" ? "RUB" : "USD";
    return pay;
  }

  std::string MuleName(Rng& rng, std::string_view country) {
    const NamePool& pool = Pool(country == "cn"   ? "chinese"
                                : country == "ru" ? "russian"
                                                  : "anglo");
    return FullName(pool, rng.Pick(pool.first), rng.Pick(pool.last));
  }

  void PlanSchemes(std::vector<Plan>* plans) {
    SchemeCounts counts = Counts();
    std::vector<int> sizes = GroupSizes();
    size_t next_size = 0;
    auto size = [&] { return sizes[next_size++]; };
    Rng rng(o_.seed, 3);
    int group_key = 0;

    for (size_t g = 0; g < counts.operators; ++g) {
      std::string group = fmt::format("operator-{}", g + 1);
      int n = size();
      std::string base = rng.Chance(0.7) ? "cn" : "ru";
      std::string shared_device = "dev-" + rng.Hex(12);
      std::string shared_mfa = "mfa-" + rng.Hex(12);
      std::string shared_phone = Phone(rng, "1");
      phones_.insert(shared_phone);
      std::string shared_photo = rng.Hex(16);
      bool cn_bank = rng.Chance(0.3);
      std::string bank_country = cn_bank ? base : "us";
      Payout shared_pay = BankPayout(rng, bank_country, "");
      size_t first = plans->size();
      ++group_key;
      for (int i = 0; i < n; ++i) {
        Plan p = Persona(rng, ClaimedCountry(rng), "operator", group);
        Operator(rng, p, base, 0.55 + 0.3 * rng.Uniform(), group_key);
        if (rng.Chance(0.2)) {
          p.remote_tool = "AnyDesk";
          p.remote_share = 0.15;
        }
        if (i == 0) shared_pay.holder = cn_bank ? MuleName(rng, base) : Holder(rng, p.w.name);
        // Every persona after the first shares something with the others.
        std::vector<int> links;
        for (int k = 0; k < 5; ++k)
          if (rng.Chance(0.4)) links.push_back(k);
        if (i > 0 && links.empty()) links.push_back(rng.Range(0, 4));
        if (i == 0) links = {0, 2};
        for (int k : links) {
          switch (k) {
            case 0:
              p.shared_devices = {shared_device};
              p.shared_device_share = 0.5 + 0.4 * rng.Uniform();
              break;
            case 1:
              p.mfa = shared_mfa;
              break;
            case 2: {
              Payout pay = shared_pay;
              pay.from_day = 0;
              p.payouts = {pay};
              break;
            }
            case 3:
              p.w.phone = shared_phone;
              break;
            default:
              p.w.photo_hash = shared_photo;
              break;
          }
        }
        if (i > 0 && rng.Chance(0.4)) {
          // The first persona's mailbox name with other digits.
          const std::string& e0 = (*plans)[first].w.email;
          std::string local = e0.substr(0, e0.find('@'));
          while (!local.empty() && local.back() >= '0' && local.back() <= '9') local.pop_back();
          std::string email = local + rng.Digits(2) + e0.substr(e0.find('@'));
          if (emails_.insert(email).second) p.w.email = email;
        }
        if (i > 0 && rng.Chance(0.3)) {
          // A near-duplicate of the first persona's name.
          std::string name = (*plans)[first].w.name;
          size_t pos = name.size() > 4 ? name.size() - 2 : 0;
          name[pos] = name[pos] == 'e' ? 'a' : 'e';
          p.w.name = name;
        }
        if (!p.shipments.empty() && rng.Chance(0.3))
          p.shipments[0].second = Address(rng, *p.home, rng.Pick(p.home->cities));
        plans->push_back(std::move(p));
      }
    }

    for (size_t g = 0; g < counts.farms; ++g) {
      std::string group = fmt::format("laptop_farm-{}", g + 1);
      int n = size();
      const CountryProfile& us = CountryByCode("us");
      const City& farm_city = rng.Pick(us.cities);
      std::string farm_address = Address(rng, us, farm_city);
      std::string farm_ip = CountryIp(rng, "us");
      std::string facilitator = MuleName(rng, "us");
      bool asia_hours = rng.Chance(0.9);
      ++group_key;
      for (int i = 0; i < n; ++i) {
        Plan p = Persona(rng, us, "laptop_farm", group);
        if (asia_hours) {
          p.work_offset = rng.Chance(0.5) ? 480 : 540;
          p.hour_mean = rng.Normal(12.5, 1.0);
          p.hour_sd = 2.8;
          p.six_days = true;
        }
        p.farm_ip = farm_ip;
        p.farm_share = 0.85;
        p.home_ip = farm_ip;
        p.home_ip2.clear();
        p.vpn = kAstrill;
        p.vpn_share = 0.1;
        p.vpn_exit = "us";
        p.trips.clear();
        double tool = rng.Uniform();
        p.remote_tool = tool < 0.4   ? (rng.Chance(0.5) ? "PiKVM" : "TinyPilot")
                        : tool < 0.9 ? (rng.Chance(0.5) ? "AnyDesk" : "Chrome Remote Desktop")
                                     : "";
        p.remote_share = p.remote_tool.empty() ? 0 : 0.7;
        p.shipments = {{p.first_day, rng.Chance(0.9) ? farm_address : p.w.address}};
        if (rng.Chance(0.25)) p.payouts[0].holder = AsciiUpper(facilitator);
        plans->push_back(std::move(p));
      }
    }

    for (size_t g = 0; g < counts.facilitators; ++g) {
      std::string group = fmt::format("facilitator_account-{}", g + 1);
      int n = size();
      std::string country = rng.Chance(0.6) ? "cn" : rng.Chance(0.7) ? "ru" : "ae";
      std::string mule = MuleName(rng, country == "ae" ? "cn" : country);
      std::vector<Payout> accounts = {BankPayout(rng, country, mule)};
      if (rng.Chance(0.4)) accounts.push_back(BankPayout(rng, country, mule));
      for (int i = 0; i < n; ++i) {
        Plan p = Persona(rng, ClaimedCountry(rng), "facilitator_account", group);
        ++group_key;
        if (rng.Chance(0.6)) {
          Operator(rng, p, rng.Chance(0.7) ? "cn" : "ru", 0.4, group_key);
        } else {
          // Keeps the claimed zone's hours, hides behind a VPN.
          p.vpn = rng.Chance(0.5) ? kAstrill : CommercialVpns()[1];
          p.vpn_share = 0.6;
          p.vpn_exit = std::find(kVpnExits.begin(), kVpnExits.end(), p.w.country) != kVpnExits.end()
                           ? p.w.country
                           : "us";
          p.leak_share = 0.03;
          p.leak_country = "cn";
          p.leak_ip = CountryIp(rng, "cn");
        }
        Payout pay = accounts[static_cast<size_t>(i) % accounts.size()];
        pay.from_day = std::min(days_ - 1, p.first_day + rng.Range(20, 90));
        p.payouts.push_back(pay);
        plans->push_back(std::move(p));
      }
    }

    for (size_t g = 0; g < counts.sanctioned; ++g) {
      std::string group = fmt::format("sanctioned_payout-{}", g + 1);
      int n = size();
      for (int i = 0; i < n; ++i) {
        Plan p = Persona(rng, ClaimedCountry(rng), "sanctioned_payout", group);
        ++group_key;
        if (rng.Chance(0.5)) Operator(rng, p, "cn", 0.5, group_key);
        Payout pay;
        if (rng.Chance(0.75)) {
          const auto& [currency, wallet] = rng.Pick(kListedWallets);
          pay.method = PayMethod::kCrypto;
          pay.account = wallet;
          pay.currency = currency == "XBT" ? "BTC" : currency;
        } else {
          pay = BankPayout(rng, "cn", "SHENYANG GEUMPUNGRI NETWORK TECHNOLOGY CO., LTD.");
        }
        pay.from_day = std::min(days_ - 1, p.first_day + rng.Range(0, 60));
        p.payouts.push_back(pay);
        plans->push_back(std::move(p));
      }
    }

    for (size_t g = 0; g < counts.bans; ++g) {
      std::string group = fmt::format("ban_evasion-{}", g + 1);
      size();
      const CountryProfile& c = ClaimedCountry(rng);
      ++group_key;
      bool asia = rng.Chance(0.7);
      Plan a = Persona(rng, c, "ban_evasion", group);
      a.w.hire_time = DayTime(rng.Range(-300, 0));
      a.first_day = 0;
      int ban = rng.Range(days_ / 3, days_ / 2);
      a.w.ban_time = DayTime(ban);
      a.last_day = ban;
      if (asia) Operator(rng, a, "cn", 0.5, group_key);
      std::string mule = MuleName(rng, "us");
      Payout after = BankPayout(rng, "us", AsciiUpper(mule));
      after.from_day = ban + 1;
      a.payouts.push_back(after);
      Plan b = Persona(rng, c, "ban_evasion", group);
      int rehire = std::min(days_ - 10, ban + rng.Range(10, 40));
      b.w.hire_time = DayTime(rehire);
      b.first_day = rehire;
      if (asia) Operator(rng, b, "cn", 0.5, group_key);
      std::vector<int> links;
      for (int k = 0; k < 4; ++k)
        if (rng.Chance(0.45)) links.push_back(k);
      if (links.empty()) links.push_back(rng.Range(0, 3));
      for (int k : links) {
        if (k == 0) b.device = a.device;
        if (k == 1) b.w.phone = a.w.phone;
        if (k == 2) b.w.photo_hash = a.w.photo_hash;
        if (k == 3) b.mfa = a.mfa;
      }
      if (rng.Chance(0.5)) {
        Payout same = after;
        same.from_day = 0;
        b.payouts = {same};
      }
      plans->push_back(std::move(a));
      plans->push_back(std::move(b));
    }

    for (size_t g = 0; g < counts.remote; ++g) {
      std::string group = fmt::format("remote_asia-{}", g + 1);
      size();
      ++group_key;
      Plan p = Persona(rng, ClaimedCountry(rng), "remote_asia", group);
      Operator(rng, p, rng.Chance(0.8) ? "cn" : "ru", 0.6 + 0.25 * rng.Uniform(), group_key);
      if (rng.Chance(0.3)) {
        p.remote_tool = "Chrome Remote Desktop";
        p.remote_share = 0.1;
      }
      plans->push_back(std::move(p));
    }
  }

  // --- activity --------------------------------------------------------------------

  struct Session {
    std::string ip;
    std::string country;
    Network network = Network::kResidential;
    std::string provider;
  };

  Session PickNetwork(Rng& rng, Plan& p, int day, int dow) {
    Session s;
    s.country = p.w.country;
    for (const auto& t : p.trips) {
      if (day >= t.from_day && day <= t.to_day) {
        if (t.vpn && p.vpn.octet && rng.Chance(0.7)) {
          s.network = Network::kVpn;
          s.provider = p.vpn.name;
          s.country = p.vpn_exit;
          s.ip = VpnIp(rng, p.vpn, p.vpn_exit);
          return s;
        }
        s.country = t.country;
        s.network = rng.Chance(0.4) ? Network::kMobile : Network::kResidential;
        s.ip = CountryIp(rng, t.country);
        return s;
      }
    }
    double x = rng.Uniform();
    if (p.kp_share > 0 && x < p.kp_share) {
      s.country = "kp";
      s.network = Network::kResidential;
      s.ip = CountryIp(rng, "kp");
      return s;
    }
    x = rng.Uniform();
    if (x < p.leak_share) {
      s.country = p.leak_country;
      s.network = rng.Chance(0.7) ? Network::kResidential : Network::kMobile;
      s.ip = p.leak_ip;
      return s;
    }
    x = rng.Uniform();
    if (x < p.farm_share) {
      s.network = Network::kResidential;
      s.ip = p.farm_ip;
      s.country = "us";
      return s;
    }
    x = rng.Uniform();
    if (x < p.vpn_share) {
      s.network = Network::kVpn;
      s.provider = p.vpn.name;
      s.country = p.vpn_exit;
      if (p.group_key >= 0) {
        // One operator's personas go out through the same exit on a day.
        Rng daily(o_.seed ^ 0xA5A5,
                  static_cast<uint64_t>(p.group_key) * 100003ULL + static_cast<uint64_t>(day));
        s.ip = VpnIp(daily, p.vpn, p.vpn_exit, 128);
      } else {
        s.ip = VpnIp(rng, p.vpn, p.vpn_exit);
      }
      return s;
    }
    x = rng.Uniform();
    if (x < p.hosting_share) {
      s.network = Network::kHosting;
      s.country = p.hosting_country;
      s.ip = HostingIp(rng, p.hosting_country);
      return s;
    }
    if (p.glitch && rng.Chance(0.01)) {
      static const std::vector<std::string> kFar = {"br", "au", "in", "za", "jp", "mx"};
      s.country = rng.Pick(kFar);
      if (s.country == p.w.country) s.country = "nz";
      s.network = Network::kMobile;
      s.ip = CountryIp(rng, s.country);
      return s;
    }
    bool weekday = dow >= 1 && dow <= 5;
    if (!p.office_ip.empty() && weekday && rng.Chance(p.office_share)) {
      s.network = Network::kBusiness;
      s.ip = p.office_ip;
      return s;
    }
    if (rng.Chance(0.12)) {
      s.network = Network::kMobile;
      s.ip = CountryIp(rng, p.w.country);
      return s;
    }
    s.network = Network::kResidential;
    s.ip = day >= p.ip_change_day && !p.home_ip2.empty() ? p.home_ip2 : p.home_ip;
    return s;
  }

  void Activity(Plan& p, uint32_t index, Rng& rng, Dataset* data) {
    StringPool& pool = data->strings;
    LabelPool& labels = data->labels;
    // Logins.
    double per_day = p.spw / (p.seven_days ? 7.0 : p.six_days ? 6.0 : 5.0);
    int benign_remote_left = p.benign_remote_sessions;
    for (int day = p.first_day; day <= p.last_day && day < days_; ++day) {
      // The weekday where the person really is.
      int64_t local_day = (DayTime(day) + int64_t{p.work_offset} * 60) / 86400;
      int dow = static_cast<int>(((local_day + 4) % 7 + 7) % 7);  // 0 = Sunday
      bool works = p.seven_days || (dow >= 1 && dow <= 5) || (p.six_days && dow == 6);
      if (!works) {
        if (!rng.Chance(0.04)) continue;
      } else if (!rng.Chance(std::min(1.0, per_day))) {
        continue;
      }
      int sessions = rng.Chance(0.12) ? 2 : 1;
      for (int s = 0; s < sessions; ++s) {
        double hour = rng.Normal(s == 0 ? p.hour_mean : p.hour_mean + 4.5, p.hour_sd);
        int64_t minute = static_cast<int64_t>(std::llround(hour * 60));
        int64_t t = DayTime(day) + minute * 60 - int64_t{p.work_offset} * 60 + rng.Range(0, 59);
        Session net = PickNetwork(rng, p, day, dow);
        Login l;
        l.time = t;
        l.worker = index;
        l.ip = pool.Intern(net.ip);
        l.country = PackCountry(net.country);
        l.network = net.network;
        l.vpn_provider = labels.Intern(AsciiLower(net.provider));
        std::string_view device = day >= p.device_change_day ? p.device2 : p.device;
        if (!p.shared_devices.empty() && rng.Chance(p.shared_device_share))
          device = p.shared_devices.front();
        l.device = pool.Intern(device);
        l.mfa = pool.Intern(p.mfa);
        std::string_view tool;
        if (p.remote_share > 0 && rng.Chance(p.remote_share))
          tool = p.remote_tool;
        else if (benign_remote_left > 0 && rng.Chance(0.02)) {
          tool = p.remote_tool;
          --benign_remote_left;
        }
        if (!tool.empty()) {
          l.remote = ParseRemoteKind(tool);
          l.remote_tool = labels.Intern(AsciiLower(tool));
        }
        data->logins.push_back(l);
      }
    }
    // Monthly pay while active.
    for (int day = p.first_day; day <= std::min(p.last_day + 20, days_ - 1); ++day) {
      int64_t t = DayTime(day);
      std::string date = FormatDate(t);
      if (date.size() < 10 || date.substr(8, 2) != "02") continue;
      if (day < p.first_day + 20) continue;
      const Payout* pay = &p.payouts.front();
      for (const auto& candidate : p.payouts)
        if (candidate.from_day <= day) pay = &candidate;
      Payment x;
      x.time = t + rng.Range(8, 16) * 3600;
      x.worker = index;
      x.amount = std::round(std::max(300.0, rng.Normal(p.pay_mean, p.pay_mean * 0.2)) * 100) / 100;
      x.id = pool.Intern(fmt::format("P{}-{}", p.w.id.substr(1), date.substr(0, 7)));
      x.currency = pool.Intern(pay->currency.empty() ? "USD" : pay->currency);
      x.method = pay->method;
      x.account = pool.Intern(pay->account);
      x.holder = pool.Intern(pay->holder);
      x.bank = pool.Intern(pay->bank);
      x.swift = pool.Intern(pay->swift);
      x.bank_country = PackCountry(pay->bank_country);
      data->payments.push_back(x);
    }
    for (const auto& [day, address] : p.shipments) {
      Shipment s;
      s.time = DayTime(day) + 15 * 3600;
      s.worker = index;
      s.item = pool.Intern(p.ship_item);
      s.address = pool.Intern(address);
      data->shipments.push_back(s);
    }
  }

  GeneratorOptions o_;
  Rng rng_;
  std::set<std::string> emails_, phones_, documents_;
  int64_t start_ = 0;
  int days_ = 365;
};

// --- CSV writing --------------------------------------------------------------------

std::string Csv(std::string_view v) {
  if (v.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"')
      out += "\"\"";
    else
      out.push_back(c);
  }
  return out + "\"";
}

std::string Row(std::initializer_list<std::string_view> fields) {
  std::string line;
  bool first = true;
  for (auto f : fields) {
    if (!first) line.push_back(',');
    first = false;
    line += Csv(f);
  }
  line.push_back('\n');
  return line;
}

std::string Amount(double a) { return fmt::format("{:.2f}", a); }

}  // namespace

Generated GenerateWorkforce(const GeneratorOptions& options) { return Generator(options).Run(); }

Status WriteDatasetCsv(const Dataset& data, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir + ": " + ec.message());
  VIGIL_RETURN_IF_ERROR(WriteFileAtomic(
      JoinPath(dir, "workforce.json"),
      fmt::format("{{\"format\": \"vigil-workforce\", \"version\": {}}}\n", kFormatVersion)));
  std::string out = Row({"id", "name", "email", "phone", "country", "city", "timezone", "address",
                         "birth_date", "document_number", "document_country", "photo_hash",
                         "github", "linkedin", "portfolio", "hire_date", "platform", "ban_date"});
  for (const auto& w : data.workers)
    out +=
        Row({w.id, w.name, w.email, w.phone, w.country, w.city, w.timezone, w.address, w.birth_date,
             w.document_number, w.document_country, w.photo_hash, w.github, w.linkedin, w.portfolio,
             FormatDate(w.hire_time), w.platform, FormatDate(w.ban_time)});
  VIGIL_RETURN_IF_ERROR(WriteFileAtomic(JoinPath(dir, "workers.csv"), out));
  const StringPool& s = data.strings;
  out = Row({"id", "worker_id", "date", "amount", "currency", "method", "account", "holder", "bank",
             "bank_country", "swift"});
  for (const auto& p : data.payments)
    out += Row({s.Get(p.id), data.workers[p.worker].id, FormatTime(p.time), Amount(p.amount),
                s.Get(p.currency), p.method == PayMethod::kUnknown ? "" : PayMethodName(p.method),
                s.Get(p.account), s.Get(p.holder), s.Get(p.bank), UnpackCountry(p.bank_country),
                s.Get(p.swift)});
  VIGIL_RETURN_IF_ERROR(WriteFileAtomic(JoinPath(dir, "payments.csv"), out));
  out = Row({"worker_id", "time", "ip", "ip_country", "network", "vpn_provider", "device_id",
             "mfa_device_id", "remote_tool"});
  // Logins can run to gigabytes: write them in chunks.
  std::string path = JoinPath(dir, "logins.csv");
  std::string tmp = path + ".tmp";
  {
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return Status::IOError("cannot write " + tmp);
    std::vector<uint32_t> order(data.logins.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return data.logins[a].time < data.logins[b].time;
    });
    for (uint32_t i : order) {
      const Login& l = data.logins[i];
      out +=
          Row({data.workers[l.worker].id, FormatTime(l.time), s.Get(l.ip), UnpackCountry(l.country),
               l.network == Network::kUnknown ? "" : NetworkName(l.network),
               data.labels.Get(l.vpn_provider), s.Get(l.device), s.Get(l.mfa),
               data.labels.Get(l.remote_tool)});
      if (out.size() > (1 << 22)) {
        if (std::fwrite(out.data(), 1, out.size(), f) != out.size()) {
          std::fclose(f);
          return Status::IOError("cannot write " + tmp);
        }
        out.clear();
      }
    }
    bool ok = std::fwrite(out.data(), 1, out.size(), f) == out.size();
    ok = std::fclose(f) == 0 && ok;
    if (!ok) return Status::IOError("cannot write " + tmp);
    if (std::rename(tmp.c_str(), path.c_str()) != 0) return Status::IOError("cannot rename " + tmp);
  }
  out = Row({"worker_id", "date", "item", "address"});
  for (const auto& sh : data.shipments)
    out +=
        Row({data.workers[sh.worker].id, FormatDate(sh.time), s.Get(sh.item), s.Get(sh.address)});
  return WriteFileAtomic(JoinPath(dir, "shipments.csv"), out);
}

Status WriteLabels(const std::vector<Label>& labels, const std::string& path) {
  std::string out = Row({"worker_id", "scheme", "group", "tags"});
  for (const auto& l : labels) out += Row({l.worker_id, l.scheme, l.group, Join(l.tags, ";")});
  return WriteFileAtomic(path, out);
}

Result<std::vector<Label>> LoadLabels(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  CsvReader reader(*text, path);
  std::vector<std::string> row;
  if (!reader.Next(&row)) return Status::ParseError(path + ": empty labels file");
  CsvHeader header(row);
  if (header.Index("worker_id") < 0) return Status::ParseError(path + ":1: no worker_id column");
  std::vector<Label> labels;
  while (reader.Next(&row)) {
    Label l;
    l.worker_id = std::string(Trim(header.Get(row, "worker_id")));
    if (l.worker_id.empty()) continue;
    l.scheme = std::string(Trim(header.Get(row, "scheme")));
    l.group = std::string(Trim(header.Get(row, "group")));
    l.tags = SplitTrimmed(header.Get(row, "tags"), ";");
    labels.push_back(std::move(l));
  }
  if (!reader.status().ok()) return reader.status();
  return labels;
}

}  // namespace vigil::workforce
