// Which facts a customer's later message gives, read by the classifier's own fact reading in
// the case's language, so adding "the error is 0x80070005" takes `errorText` off missingFacts.
import type { Classifier } from '../domain/classification/classifier.ts';
import type { FactReader } from './customer-answers.ts';

export function factReader(classifier: Classifier): FactReader {
  return (text, c) => classifier.factsIn({ subject: '', description: text, language: { form: c.language } });
}
