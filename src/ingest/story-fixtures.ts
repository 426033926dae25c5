/** Short wire stories we write for these tests, each one different. */
export function wireStory(i: number): string {
  const towns = ['Aldgate', 'Brenmoor', 'Calder', 'Dunmere', 'Eastwick'];
  const town = towns[i % towns.length]!;
  return `Council approves bridge plan ${i}

${town.toUpperCase()} - The regional council approved plan number ${i} for the old river bridge on Tuesday.
"We will rebuild bridge ${i} before the spring floods," council leader Mara Holt${i} told reporters.
Opposition members said the cost of plan ${i} was too high and called for a new vote.
`;
}

