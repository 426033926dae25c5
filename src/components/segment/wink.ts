import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Wink = ReturnType<typeof winkNLP>;
let instance: Wink | undefined;

/** The one wink-nlp instance of the process, loaded on first use (~0.2 s). */
export function wink(): Wink {
  instance ??= winkNLP(model, ['sbd', 'pos']);
  return instance;
}
