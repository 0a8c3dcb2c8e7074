// Turns customer text into the comparable form the lexicon is written in: lower case, no
// accents (customers often leave them out), ё → е, apostrophes dropped ("doesn't" → "doesnt")
// except after a French elided article or pronoun ("l'écran" → "l" "ecran").

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ё/g, 'е')
    .replace(/й/g, '\ue000') // keep й: NFD would split it into и + breve
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/\ue000/g, 'й');
}

/** French elision: "l'écran", "n'imprime", "qu'il" are two words. */
const ELISION = /^(l|d|j|n|m|s|t|c|qu|jusqu|lorsqu|puisqu)['’](.+)$/;

export function tokenize(normalized: string): string[] {
  const tokens: string[] = [];
  for (const match of normalized.matchAll(TOKEN)) {
    const elided = ELISION.exec(match[0]);
    if (elided) tokens.push(elided[1] as string, (elided[2] as string).replace(/['’]/g, ''));
    else tokens.push(match[0].replace(/['’]/g, ''));
  }
  return tokens;
}

// Function words of the six languages (normalized): the words of a question that say nothing
// about its topic ("how", "can", "my", "wie", "ich"). A knowledge-base article that matches only
// these has not answered anything, so the classifier searches with the other words and asks
// how many of them the article matched.
const FUNCTION_WORDS = new Set(
  `i me my mine we us our ours you your yours he him his she her it its they them their
  the a an and or but if then so of to in on at by for from with without about into onto over under up out off as
  is are was were be been being am do does did done doing have has had having get got gets getting
  can could will would shall should may might must not no yes this that these those there here
  what which who whom whose why how where when whats hows wheres whos im ive id ill dont doesnt didnt cant cannot wont
  isnt arent wasnt havent please thanks thank hi hello dear regards also just only still even very too again already
  any some all each every other another myself yourself ourselves itself way able anyone someone something
  ich mich mir mein meine meinen meinem meiner meines wir uns unser unsere unseren unserem unserer du dich dir dein deine
  sie ihr ihre ihren ihrem ihnen er es man der die das den dem des ein eine einen einem einer eines und oder aber wenn dann
  zu im an am auf aus bei mit nach von vor fur uber unter um als ist sind war waren bin bist sein habe hast hat haben hatte
  kann kannst konnen konnte muss mussen soll sollte will wird werden wurde nicht kein keine keinen ja nein dies diese dieser
  dieses da hier was wer wie wo wann warum welche welcher welches bitte danke hallo auch nur noch schon sehr zum zur vom
  beim ins doch denn selbst etwa gibt sich
  ik mij mijn wij we ons onze jij je jou jouw uw hij zij ze het de een en maar als dan dus van te op aan met naar voor door
  uit om tot zijn ben bent heb hebt heeft hebben kun kunt kunnen moet moeten wil wilt zal zou wordt worden niet geen nee dit
  dat deze die daar wat wie hoe waar wanneer waarom welke graag bedankt dank ook alleen nog al zelf er
  je moi mon ma mes nous notre nos vous votre vos tu te toi ton ta tes il elle ils elles on le la les un une des du et ou
  mais si alors donc au aux en dans sur sous par pour avec sans chez est sont etait suis ai as avons avez ont etre avoir peut
  peux pouvons pouvez puis dois doit faut ne pas plus ce cet cette ces ceci cela ca qui que qu quoi quel quelle quels quelles
  comment quand pourquoi merci bonjour svp aussi seulement encore deja tres se
  yo mi mis nosotros nuestro nuestra nuestros nuestras tus usted ustedes su sus el los las lo le les unos unas pero entonces
  del al con sin por para sobre entre es son era soy estoy esta estan he ha han hay tengo tiene tenemos puedo puede pueden
  podemos debo debe ya quien cual cuales como donde cuando porque esto este estos estas ese esa eso gracias hola favor
  tambien solo muy mismo
  я меня мне мой моя мое мои мы нас нам наш наша наше наши ты тебя вы вас вам ваш ваша он она оно они его ее их и или но
  если то так во на со ко по из от до за для при без над под про это этот эта эти тот та те что кто как где когда почему
  зачем какой какая какие ли же бы не нет да есть был была было были быть могу может можно нужно надо пожалуйста спасибо
  здравствуйте привет тоже только уже еще очень сам сама самому себе свой свою`
    .split(/\s+/)
    .filter(Boolean),
);
const WORD = /[\p{L}\p{N}]+/gu;
const NON_ASCII = /[^ -~]/; // anything beyond printable ASCII (letters here: no controls)

/**
 * The words of `text` that carry its topic, as written (a search stems them itself): no
 * function words, no numbers, nothing shorter than three letters. `distinct` counts them,
 * words that share their first five letters ("licence", "licences") counted once.
 */
/** A word that says nothing about a topic in any of the six languages ("the", "der", "de"). */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word);
}

export function contentWords(text: string): { words: string[]; distinct: number } {
  const words: string[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (word.length < 3 || /^\p{N}+$/u.test(word)) continue;
    const key = NON_ASCII.test(word) ? normalize(word) : word.toLowerCase();
    if (FUNCTION_WORDS.has(key)) continue;
    words.push(word);
    seen.add(key.slice(0, 5));
  }
  return { words, distinct: seen.size };
}
