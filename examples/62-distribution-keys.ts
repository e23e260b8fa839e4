/**
 * Distribution keys and paths (verdeelsleutels en reeksen). The Hervormingsagenda Jeugd, as the Zoetermeer
 * document describes it: "Deze lopen vanaf 2023 van € 374 mln. op naar bijna € 1 mld. vanaf 2027. Voor Zoetermeer
 * komt dit neer op ongeveer € 6,8 mln. vanaf 2027." The national path between 2023 and 2027 is interpolated, and
 * Zoetermeer's share of it follows from the key the document implies (6,8 of 1.000). A GR contribution split over
 * its members by inhabitants shows the same key at work (the inhabitants are illustrative).
 */
import { cumulate, distributeByKey, interpolatePath } from 'meerjaren';

// x € 1 mln with one decimal in Dutch notation ("1.000,0")
const mln = (x: { div(n: number): { toFixed(d: number): string } }): string => x.div(1e6).toFixed(1).replace('.', ',').replace(/\B(?=(\d{3})+,)/g, '.');

const national = interpolatePath({ 2023: '374000000', 2027: '1000000000' }, { from: 2023, to: 2029 }, { step: 1000 });
console.log('Hervormingsagenda Jeugd, landelijk en Zoetermeer (x € 1 mln)');
for (const [year, amount] of Object.entries(national)) {
  const share = distributeByKey(amount, { zoetermeer: '6.8', overige: '993.2' }, { step: 1000 });
  console.log(`${year}  landelijk ${mln(amount).padStart(7)}  Zoetermeer ${mln(share['zoetermeer']!).padStart(5)}`);
}

// the savings target's extra € 1 mln a year from 2027, cumulated (seed: 3 mln in 2025, 7 mln in 2026, then 1 mln more each year)
const extra = cumulate({ 2025: '3000000', 2026: '4000000', 2027: '1000000', 2028: '1000000', 2029: '1000000' });
console.log(`taakstelling (x € 1 mln): ${Object.entries(extra).map(([y, v]) => `${y} ${mln(v)}`).join(', ')}`);

// a GR contribution over its members by inhabitants (illustrative figures), in whole euros: the parts add up exactly
const gr = distributeByKey('2500000', { Zoetermeer: 126000, 'Leidschendam-Voorburg': 78000, Wassenaar: 27000 }, { step: 1 });
console.log(`GR-bijdrage: ${Object.entries(gr).map(([m, v]) => `${m} ${v.toFixed()}`).join(', ')}`);
console.log(`som: ${Object.values(gr).reduce((a, b) => a.add(b)).toFixed()}`);
