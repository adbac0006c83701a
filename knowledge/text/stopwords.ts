import type { Lang } from "../schema";
import { normalize } from "./tokenize";

// Function words that carry no topic. Short lists on purpose: the knowledge base's own
// vocabulary does the rest, and a missing stopword only adds a little noise to ranking.
const RAW: Record<Lang, string> = {
  fi: "ja tai on ei en et se ne että kun jos niin mutta kuin mitä mikä mitkä missä mistä mihin miten miksi milloin kuka kenelle keneltä kenen voi voin voiko voinko saa saan saako saanko minä mä mun minun minulla mulla minulle mulle sinä sä teidän te me meidän he hän olla olen oon olisi ois pitää pitäis pitäisi täytyy kanssa myös vai nyt sitten tämä tää tätä se sen siitä sitä siihen joka jota jonka onko onks oisko ole olla mulle pls kiitos hei moi tarvitsen tarviin tarvitsisin tarvis haluan haluaisin haluisin apua auta auttaa kertoa tietoa tietää kysyä kysymys asia asiaa asiassa asioida jotain jostain joku kuinka onko täällä siellä sinne tänne jo vielä enää ihan aika tosi asun asuu asumme asuva asuvat tulla tulen teille teiltä teillä teidän meille meiän meidän mun sun jotenki jotenkin vois voisin voisko voiko voitteko pitäis saisko saako onks kuka kenen mikä mitä sitä tai eli ni niinku sillee joo juu ok okei tehdä teen tehdään",
  sv: "och eller är inte jag du vi ni de han hon den det som att när om men hur var vad vem vilken varför kan får ska skulle måste min mitt mina har hade en ett i på till från med för av hej tack behöver vill hjälp veta fråga bor bosatt göra gör få finland",
  en: "a an the and or is are am was be been not i you we they he she it my your our me to of in on at for from with by do does did can could should would will shall how what where who which why when there this that these those please hi hello thanks get have has need want help know about some any just also here there live lives living like get make does finland",
  ru: "и или не я ты мы вы они он она оно это что как где кто когда почему можно мне меня мой моя мою в на с по к от для у ли да нет пожалуйста здравствуйте хочу хочет хотим хотят нужно надо могу может работает есть быть",
  uk: "і й та або не я ти ми ви вони він вона це що як де хто коли чому можна мені мене мій моя мою в у на з по до від для чи так ні будь ласка хочу хоче хочемо хочуть треба потрібно можу може працює є бути взяти",
  et: "ja või on ei ma mina sa sina me te nad see et kui kus kes mis kuidas miks millal saan saab kas mul minu mulle palun tere aitäh",
  ar: "و أو في على من إلى عن مع هل ما ماذا كيف أين متى لماذا من هذا هذه أنا أنت نحن هو هي لي أريد يمكن يمكنني أحصل احصل أجد اجد",
  fa: "و یا در به از با برای که این آن من تو ما شما او است هست نیست چه چطور کجا کی چرا آیا را می میخواهم می‌خواهم میتوانم",
  so: "iyo ama waa ma aan anigu adiga waxaan sidee xagee goorma maxay yaa ka ku u la miyaa haa maya fadlan",
  zh: "的 了 吗 我 你 在 是 有 和 或 怎么 哪里 什么 可以 要 想 请 呢 吧",
  vi: "và hoặc là không tôi bạn chúng ta họ anh chị ở của cho với có được làm sao ở đâu gì ai khi nào tại vì muốn cần xin",
  tr: "ve veya bir bu şu ben sen biz siz onlar ne nasıl nerede kim ne zaman neden mı mi mu mü için ile de da var yok istiyorum lütfen merhaba",
};

/** Folded the way questions are (Arabic ي → ی), so the lists match what the analyzer sees. */
const fold = (list: string): ReadonlySet<string> => new Set(list.split(" ").map((w) => normalize(w)));
export const STOPWORDS: Record<Lang, ReadonlySet<string>> = {
  fi: fold(RAW.fi), sv: fold(RAW.sv), en: fold(RAW.en), ru: fold(RAW.ru), uk: fold(RAW.uk), et: fold(RAW.et),
  ar: fold(RAW.ar), fa: fold(RAW.fa), so: fold(RAW.so), zh: fold(RAW.zh), vi: fold(RAW.vi), tr: fold(RAW.tr),
};
