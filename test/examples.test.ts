import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs an example as a user would (tsx, importing 'meerjaren') and returns what it printed. The timeout only
 * stops a hang: a busy machine may take minutes (as vitest's testTimeout in vitest.config.ts).
 */
function run(file: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', `examples/${file}`], { cwd: root, encoding: 'utf8', timeout: 600_000 });
}

describe('examples (foundation)', () => {
  it('00, the main demo, prints a scenario report on seed 000', () => {
    const out = run('00-demo.ts');
    expect(out).toMatch(/TOTAAL SALDO PROGRAMMA\s+-609/);
    expect(out).toMatch(/Met ramingen pm\s+-609\s+-1\.537 \+ pm/);
    expect(out).toContain('wijziging 0 (estimate-pm): 2025: 0  2026: -1.100');
    expect(out).toContain('resultaat: -1.100');
    expect(out).toContain('[incidental_too_long] 1.4');
    expect(out).toMatch(/Ramingen structureel: structureel saldo -209 -1\.175 -1\.175 -1\.175 -1\.198 -1\.158 -1\.148; oordeel: niet in evenwicht/);
  });

  it('01 prints seed 000 with TOTAAL SALDO PROGRAMMA -609 363 533 725 702 742 752', () => {
    const out = run('01-seed000-tb1.ts');
    const total = out.split('\n').find((l) => l.startsWith('TOTAAL SALDO PROGRAMMA'))!;
    expect(total.replace(/\s+\+ pm/g, '').split(/\s+/).slice(3)).toEqual(['-609', '363', '533', '725', '702', '742', '752']);
    expect(out).toMatch(/1\.1 Noodopvang Oekraïne-vergoeding rijk\s+6\.500\s+1\.083\s+pm\s+pm\s+pm\s+pm\s+pm/);
    expect(out).toMatch(/- kosten noodopvang\s+-3\.600\s+-600\n/);
    expect(out).toContain('2026: 363 (structureel 725, incidenteel -362)  bevat pm: 1.4, 1.6, 1.8, 3.1');
  });

  it('02 prints seed 001 Saldo 653 0 0 0 (+ is nadeel) and 720 720 720 720', () => {
    const out = run('02-seed001-beleid-en-bezuinigingen.ts');
    expect(out).toContain('Saldo as printed (nadeel-positive): 653 0 0 0');
    expect(out).toContain('Effect on the saldo (+ is voordeel): -653 0 0 0');
    expect(out).toContain('Saldo as printed (voordeel-positive): 720 720 720 720');
  });

  it('03 reports the rounding differences of seed 001 Financieel samengevat', () => {
    const out = run('03-seed001-financieel-samengevat.ts');
    expect(out).toContain('2025 subtotaal A: gedrukt -151.175, som van de regels -151.176, afrondingsverschil 1');
    expect(out).toContain('2024 Saldo: gedrukt -135.874, som van de regels -135.873, afrondingsverschil -1');
    expect(out).not.toContain('VERSCHIL');
  });

  it('04 prints seed 003 Nieuw beleid Saldo 1.352 1.352 20 0', () => {
    expect(run('04-seed003-nieuw-beleid.ts')).toContain('Saldo (+ is nadeel): 1.352 1.352 20 0');
  });

  it('40 writes a self-contained HTML report of seed 000 with four charts, the fan chart among them', () => {
    const out = run('40-seed000-html-report.ts');
    expect(out).toMatch(/seed000-report\.html \(\d+ characters, 4 charts\)/);
    const html = readFileSync(new URL('../out/seed000-report.html', import.meta.url), 'utf8');
    expect(html).toContain('TOTAAL SALDO PROGRAMMA');
    expect(html).toContain('P5 - P95');
    expect(html).not.toMatch(/<script|<link|src="https?:/); // self-contained: no scripts, no external resources
  });

  it('30 gives the probability that the Hervormingsagenda taakstelling is met, per year', () => {
    const out = run('30-hervormingsagenda-kans.ts');
    expect(out).toMatch(/2025\s+3,00\s+2,29\s+2,51\s+2,76\s+0,49\s+0,0%/);
    expect(out).toMatch(/2027\s+8,00\s+4,56\s+5,98\s+7,40\s+2,02\s+0,9%/);
    expect(out).toMatch(/2031\s+12,00\s+5,30\s+7,95\s+10,69\s+4,05\s+0,2%/);
  });

  it('31 gives the P5-P95 band of seed 000 with its pm posts as ranges', () => {
    const out = run('31-seed000-pm-band.ts');
    expect(out).toMatch(/2025\s+-609\s+-609\s+-609\s+-609 \|\s+-209\s+-209\s+-209 \|\s+0,0%/);
    expect(out).toMatch(/2027\s+533 \+ pm\s+-1\.573\s+-1\.060\s+-503 \|\s+345\s+524\s+706 \|\s+100,0%/);
  });

  it('32 ranks what moves the 2029 structural saldo most (tornado)', () => {
    const out = run('32-seed000-tornado-2029.ts');
    const rows = out.split('\n').filter((l) => /\d,\d\s+-?\d+,\d\s+\d+,\d/.test(l));
    expect(rows[0]).toMatch(/^1\.8 Organisatieontwikkeling.*157,9\s+557,9\s+400,0/);
    expect(rows[1]).toMatch(/^4\.3: realisatie\s+257,9\s+407,9\s+150,0/);
    expect(out).toContain("alles op 'waarschijnlijk': 357,9");
  });

  it('34 widens the saldo band of seed 000 with a rank correlation of 0,7 between 1.4 and 1.6; means and each post alone unchanged', () => {
    const out = run('34-rangcorrelatie.ts');
    expect(out).toMatch(/2027  onafhankelijk\s+-1\.568\s+-1\.292\s+-992\s+breedte\s+577/);
    expect(out).toMatch(/2027  rangcorr\. 0,7\s+-1\.656\s+-1\.300\s+-887\s+breedte\s+769/);
    expect(out).toContain('gemiddeld saldo 2027: onafhankelijk -1.285, rangcorr. 0,7 -1.285');
    expect(out).toContain('gelijk aan onafhankelijk: ja');
  });

  it('every example runs without error', () => {
    const all = readdirSync(new URL('../examples', import.meta.url)).filter((f) => /^\d\d-.*\.ts$/.test(f));
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const file of all) expect(() => run(file)).not.toThrow();
  });
});

describe('examples (printed tables)', () => {
  it('50 checks seed 001 Financieel samengevat as printed: six afrondingsverschillen, no mismatch', () => {
    const out = run('50-printed-table.ts');
    expect(out).toContain('Saldo Jaarrekening 2024: gedrukt -135.874, som van de regels -135.873 (x € 1.000): afrondingsverschil -1');
    expect(out.split('\n').filter((l) => l.includes('afrondingsverschil'))).toHaveLength(6);
    expect(out).toContain('lines: Lasten, Baten, Toevoegingen, Onttrekkingen');
    expect(out).toContain('ok: true');
  });

  it('51 checks the primary budget, changes and after-changes columns: two rounding differences, one mismatch', () => {
    const out = run('51-printed-changes-columns.ts');
    expect(out).toContain('~ 2 Veiligheid Begroting na wijziging 2026: gedrukt -6.906, som van de kolommen -6.905 (x € 1.000): afrondingsverschil -1');
    expect(out).toContain('! Saldo 2028: gedrukt 3.110, som van de regels 3.100 (x € 1.000): verschil groter dan afronding 10');
    expect(out).toContain('checks: 11, of which ok: 8');
    expect(out).toContain('years: 2026-2029');
    expect(out).toContain('saldo (x € 1.000): 1974 2220 3100 3850');
    expect(out).toContain('ok: false');
  });

  it('52 reads a table printing costs positive with Bij: and Af: rows, its structural result and a wrong verdict', () => {
    const out = run('52-printed-costs-positive.ts');
    expect(out).toContain('-- nl: sign nadeel-positive, unit thousand');
    expect(out).toContain('~ Begrotingsresultaat 2028: gedrukt 701, som van de regels 700 (x € 1.000): afrondingsverschil 1');
    expect(out).toContain('  Structureel begrotingsresultaat 2026: gedrukt 1.370, berekend 1.370 (x € 1.000): klopt');
    expect(out).toContain('! Structureel sluitend 2028: gedrukt JA, berekend NEE uit saldo 701 (x € 1.000): klopt niet');
    expect(out).toContain('! Structureel sluitend 2028: printed JA, computed NEE from the saldo 701 (x € 1.000): does not agree');
    expect(out).toContain('lines: Saldo primitieve begroting, Bij: nieuw beleid, Af: bezuinigingen, Af: incidentele baten grondexploitatie');
    expect(out).toContain('begrotingsresultaat (+ is nadeel): 1220 1050 700');
  });

  it('53 reads one table per printed layout with the defaults and prints its lines back in the source unit and sign', () => {
    const out = run('53-printed-layouts.ts');
    expect(out).toContain('## trailing minus in whole euros: 2 checks (1 ok, 1 afrondingsverschil, 0 mismatch)');
    expect(out).toContain('Saldo 2027: gedrukt -4.900.001, som van de regels -4.900.000 (in euro): afrondingsverschil -1');
    expect(out).toMatch(/^ {2}Lasten +-5\.810\.503 +-5\.900\.000$/m);
    expect(out).toContain('## V and N after the amounts: 2 checks (2 ok, 0 afrondingsverschil, 0 mismatch)');
    expect(out).toMatch(/^ {2}Jeugdzorg +-400 +-300$/m);
    expect(out).toContain('Bedragen x € 1.000; + is nadeel');
    expect(out).toMatch(/^ {2}Lasten +1\.200 +1\.250$/m);
    expect(out).toContain('## several subtotal levels: 3 checks (3 ok, 0 afrondingsverschil, 0 mismatch)');
    expect(out).toContain('## waarvan and a structural row: 4 checks (4 ok, 0 afrondingsverschil, 0 mismatch)');
    expect(out).toMatch(/^Resultaat +-150 +-200$/m);
  });

  it('62 interpolates the Hervormingsagenda path, takes Zoetermeer\'s share by its key, cumulates the target and splits a GR contribution exactly', () => {
    const out = run('62-distribution-keys.ts');
    expect(out).toContain('2025  landelijk   687,0  Zoetermeer   4,7');
    expect(out).toContain('2027  landelijk 1.000,0  Zoetermeer   6,8');
    expect(out).toContain('taakstelling (x € 1 mln): 2025 3,0, 2026 7,0, 2027 8,0, 2028 9,0, 2029 10,0');
    expect(out).toContain('GR-bijdrage: Zoetermeer 1363636, Leidschendam-Voorburg 844156, Wassenaar 292208');
    expect(out).toContain('som: 2500000');
  });

  it('71 prints the weerstandsvermogen per year from a risicoregister document, and the need at 90% certainty', () => {
    const out = run('71-weerstandsvermogen-per-jaar.ts');
    expect(out).toMatch(/Benodigde weerstandscapaciteit\s+3\.175\s+3\.325\s+3\.155\s+3\.335/);
    expect(out).toMatch(/Beschikbare weerstandscapaciteit\s+5\.550\s+5\.250\s+4\.750\s+4\.450/);
    expect(out).toContain('Waardering: 2026 B ruim voldoende · 2027 B ruim voldoende · 2028 B ruim voldoende · 2029 C voldoende');
    expect(out).toContain('2026: kans x effect 3175, 90% zekerheid 5483 (x € 1.000): ratio 1.01, waardering C voldoende');
  });

  it('72 draws a risk whose amount is triangular: the need at 90% certainty beside kans x effect', () => {
    const out = run('72-risico-verdeling.ts');
    expect(out).toContain('kans x effect (benodigd, 2026): 3175 x € 1.000');
    expect(out).toContain('R2 vast 1.800: 90% zekerheid 5483, gemiddeld verlies 3183 (x € 1.000); ratio 1.01, waardering C voldoende; tekort in 214 van 10000 trekkingen');
    expect(out).toContain('R2 driehoek 0 / 600 / 1.800: 90% zekerheid 4357, gemiddeld verlies 2883 (x € 1.000); ratio 1.27, waardering C voldoende; tekort in 65 van 10000 trekkingen');
  });

  it('70 prints the weerstandsvermogen table: five risks, the capacity, ratio and waardering', () => {
    const out = run('70-weerstandsvermogen.ts');
    expect(out).toMatch(/Loon- en prijsstijging \(kans 90%\)\s+433\s+390/);
    expect(out).toMatch(/Benodigde weerstandscapaciteit\s+6\.683\s+3\.175/);
    expect(out).toMatch(/Beschikbare weerstandscapaciteit\s+5\.550/);
    expect(out).toContain('Waardering: 1,75 — B ruim voldoende');
    expect(out).toContain('benodigd: 3174999.7, beschikbaar: 5550000');
    expect(out).toContain('ratio: 1.748032');
  });
});

describe('examples (the whole municipality)', () => {
  it('80 builds the municipality from the seeds, gives its begrotingssaldo, structural balance and verdict, and shows motions 2506-85 and 2506-84 on the whole', () => {
    const out = run('80-gemeente.ts');
    expect(out).toMatch(/Programma 2 Samen leven en ondersteunen\s+-158\.250\s+-157\.730\s+-156\.612\s+-156\.535/);
    expect(out).toMatch(/Mutaties reserves programma 2\s+365\s+54\s+0\s+0/);
    expect(out).toMatch(/Begrotingssaldo\s+962\s+-586\s+-260\s+31/);
    expect(out).toMatch(/Structureel begrotingssaldo\s+-1\.150\s+-640\s+-260\s+31/);
    expect(out).toContain('Oordeel: structureel in evenwicht uiterlijk in het laatste jaar (2026-2029)');
    expect(out).toContain('programma 2 1.3 <- OAD du-noodopvang: 50 50 50 50');
    expect(out).toContain('programma 2 2.1 <- OAD tm-smi: 27 27 27 50');
    expect(out).toContain('effect op het begrotingssaldo: -52.450 -52.450 -52.450 -52.450');
    expect(out).toContain('-> -1.202.450 -692.450 -312.450 -21.450');
    expect(out).toContain('oordeel: structureel in evenwicht uiterlijk in het laatste jaar -> niet structureel in evenwicht');
    expect(out).toContain('begrotingssaldo:              962 -586 -260 31 -> 962 -586 -260 31');
  });
});

describe('examples (versions)', () => {
  it('60 compares TB1 2025 with Begroting 2026 over the union of their horizons, through the id map', () => {
    const out = run('60-versions.ts');
    expect(out).toContain('Jaren: 2025, 2026, 2027, 2028, 2029, 2030, 2031');
    expect(out).toContain('4.2 -> 4.1 Besparing subsidies Jeugd (map): verschil 2026 0');
    expect(out).toContain('2025 in Begroting 2026: not-in-version, verschil: geen (niet 0)');
    expect(out).toContain('Vergelijking Perspectiefnota 2026 / TB1 2025 en Begroting 2026');
    expect(out).toContain('niet in deze versie: 2025, 2030-2031');
    expect(out).toMatch(/4 Bezuinigings- en dekkingsvoorstellen\n.*954.*\n.*720.*\n.*\n\s+verschil\s+-234\s+-234\s+-234\s+-234\n/);
    expect(out).toContain('Begroting 2024 -> Perspectiefnota 2026 / TB1 2025: verschil totaal 2025 123.626, 2026 123.184, 2027 123.125');
  });

  it('61 prints the P&C course of 2025 (TB1 as its mutations) and the jaarrekening table with its overschrijdingen', () => {
    const out = run('61-pc-cycle.ts');
    expect(out).toContain('Standen: Begroting 2025 -> TB1 2025 -> TB2 2025; naspelen van de mutaties: 0 verschillen');
    expect(out).toMatch(/TOTAAL SALDO PROGRAMMA\s+-124\.000\s+-609\s+-500\s+-125\.109\s+-124\.769\s+340\n/);
    expect(out).toMatch(/1\.6 Uitvoeringscapaciteit JGH\s+-800\s+-200\s+-1\.000\s+-1\.004\s+-4\n/);
    expect(out).toContain('overschrijding lasten 2025: 1.4 (€ -138.000), 1.6 (€ -4.200), 2.1 (€ -4.000)');
    expect(out).toContain('geen realisatie 2025: 4.5');
    expect(out).toContain('3. pm geraamd 1.4 jaren [2026] waarde "-1.100"');
    expect(out).toContain('Prognose: 2025 realisatie -124.769; 2026 begroting -123.737 + pm;');
  });

  it("63 rebases seed 000's pm-estimate scenario onto the Begroting 2026 and prints what is stale and gone", () => {
    const out = run('63-rebase-scenario.ts');
    expect(out).toContain('1. changes[0] estimate-pm gone; changes[1] estimate-pm gone');
    expect(out).toContain('line: no counterpart of 1.4 in the new version');
    expect(out).toMatch(/uitkomst Perspectiefnota 2026 \/ TB1 2025\s+-1\.100\s+-1\.100\s+-1\.100\s+-1\.100\s+-1\.100\s+-1\.100/);
    expect(out).toContain("met gone: 'drop': 0 wijzigingen over");
    expect(out).toContain('2. changes[0] set-amount stale (keep-relative); changes[1] estimate-pm fresh; changes[2] drop-line gone (drop)');
    expect(out).toContain('Begroting 2026 met het scenario: 4.1 in 2026 125, 3.1 in 2026 -500');
    expect(out).toContain('2026: basis -51712490 -> -54806000 euro; keep-relative -53709880, keep-absolute -50678240.2');
    expect(out).toMatch(/keep-relative \(relatief behouden\)\s+-53\.710\s+-54\.092/);
  });
});

describe('examples (begrotingswijziging)', () => {
  it('64 prints the begrotingswijziging of motions 2506-84 and 2506-85: per programme lasten, baten and saldo, the dekking paragraph, the neutrality check', () => {
    const out = run('64-begrotingswijziging-moties.ts');
    expect(out).toMatch(/4\.1 Besparing subsidies Sociaal Domein \(Wmo\/welzijn\) \(vervallen\)\s+-234\s+0\s+-234/);
    expect(out).toMatch(/G4\.2 Maatregel 4\.2 Ramingsystematiek \(p-max-1\)\s+234\s+0\s+234/);
    expect(out).toMatch(/Totaal mutatie lasten en baten\s+-52\s+0\s+-52\s+-52\s+0\s+-52\s+-52\s+0\s+-52\s+-52\s+0\s+-52\n/);
    expect(out).toContain('- Besparing subsidies Sociaal Domein vervalt (4.1)\n- 234 extra uit Ramingsystematiek (G4.2)');
    expect(out).toContain('Motie 2506-84 alleen, als technische wijziging: budgettair neutraal');
    expect(out).toContain('[not_neutral] a technical begrotingswijziging must leave the saldo unchanged, but it changes it in 2026 by -52450');
  });
});

describe('examples (Iv3 and data packages)', () => {
  it('81 tags seed 000 with taakvelden, rolls it up (per taakveld and per programme the same total), prints the Iv3 layout and reads its data package back', () => {
    const out = run('81-seed000-iv3-datapakket.ts');
    expect(out).toContain('Iv3-bevindingen: geen');
    expect(out).toContain('2025: lasten 7480, baten 6871, saldo per taakveld -609, per programma -609, TOTAAL SALDO PROGRAMMA -609');
    expect(out).toContain('2026: lasten 720, baten 1083, saldo per taakveld 363, per programma 363, TOTAAL SALDO PROGRAMMA 363');
    expect(out).toContain('2029: lasten -702, baten 0, saldo per taakveld 702, per programma 702, TOTAAL SALDO PROGRAMMA 702');
    expect(out).toMatch(/6 Sociaal domein\s+523 \+ pm\s+427\s+-515\n/);
    expect(out).toMatch(/Totaal lasten 2026\s+653 \+ pm\s+427\s+-360\s+pm\n/);
    expect(out).toMatch(/Totaal baten 2026\s+1\.083\n/);
    expect(out).toContain('datapakket: datapackage.json + begroting.csv (95 cellen), teruggelezen gelijk: true');
  });
});

describe('examples (goal seeking)', () => {
  it('91 finds the realisation rate that fills the Hervormingsagenda taakstelling: 87,50% in 2026 down to 83,33% in 2029', () => {
    const out = run('91-hervormingsagenda-doelzoeken.ts');
    expect(out).toMatch(/Drempel realisatiegraad\s+87,5000%\s+84,2106%\s+83,7210%\s+83,3334%/);
    expect(out).toMatch(/Tekort taakstelling \(€\) een stap lager\s+8\s+2,5\s+3,25\s+4/);
    expect(out).toContain('Afgerond op 2 decimalen (voor de tekst; de drempel zelf staat in de tabel): 2026 87,50%, 2027 84,21%, 2028 83,72%, 2029 83,33%');
    expect(out).toContain('MJB 2026-2029 in één keer: 87,5000% (het zwaarste jaar beslist: 2026)');
    expect(out).toContain('2029: 60,0000%');
  });

  it('94 gives the net effect of a measure with transformatiekosten and its payback year', () => {
    const out = run('94-maatregel-met-kosten.ts');
    expect(out).toMatch(/Stevige lokale teams\n\s+Gerealiseerde besparing\s+400\s+1\.200\s+2\.000\s+2\.400\s+2\.400\n\s+Kosten \(investering, transformatie\)\s+-2\.000\s+-1\.000\s+-500\s+0\s+0\n\s+Netto\s+-1\.600\s+200\s+1\.500\s+2\.400\s+2\.400\n\s+Netto cumulatief\s+-1\.600\s+-1\.400\s+100\s+2\.500\s+4\.900\n\s+Terugverdienjaar: terugverdiend in 2027/);
    expect(out).toContain('Stevige lokale teams: kosten 3,50 mln, netto over 2025-2029 4,90 mln; terugverdienjaar 2027');
    expect(out).toMatch(/2025\s+3,00\s+-0,40\s+1,60/);
    expect(out).toContain('Realisatiegraad lokale teams die in 2027 het netto tekort dicht: 140,0000%');
  });
});

describe('examples (drivers)', () => {
  it('90 gives goal 2.1 per youth exactly, 2.1 at 4.525 youths, and the driven line that follows the indicator', () => {
    const out = run('90-seed001-jeugd-per-jeugdige.ts');
    expect(out).toMatch(/kosten per jeugdige \(EUR\)\s+21\.526,19\s+24\.174,75\s+25\.596,53\s+27\.431,43/);
    expect(out).toMatch(/2\.1 lasten bij 4\.525 \(EUR\)\s+97\.406\.000,00\s+109\.390\.743,75\s+115\.824\.313,33\s+124\.127\.214,29/);
    expect(out).toContain('kosten per jeugdige 2026, exact: 3896240/181');
    expect(out).toMatch(/2\.1 gestuurd \(EUR\)\s+-97\.406\.009,75\s+-96\.699\.000,00\s+-95\.986\.987,50\s+-96\.010\.005,00/);
    expect(out).toMatch(/2\.1 gestuurd bij 4\.525 \(EUR\)\s+-97\.406\.009,75\s+-109\.390\.743,75\s+-115\.824\.298,25\s+-124\.127\.220,75/);
    expect(out).toContain('gewijzigde cellen: 2.1 2027, 2.1 2028, 2.1 2029');
    expect(out).not.toMatch(/totaal/i);
  });

  it('93 gives P10 / P50 / P90 of goal 2.1 in 2026 with the number of youths uncertain (triangular 3.750 / 4.000 / 4.525)', () => {
    const out = run('93-jeugd-aantal-onzeker.ts');
    expect(out).toContain('2.1 in 2026 bij 4.525 jeugdigen (begroting): -97.406.009,75');
    expect(out).toContain('P10: -92.993.140,80  (x € 1.000: -92.993; 4.320 jeugdigen)');
    expect(out).toContain('P50: -87.590.067,11  (x € 1.000: -87.590; 4.069 jeugdigen)');
    expect(out).toContain('P90: -83.672.300,53  (x € 1.000: -83.672; 3.887 jeugdigen)');
    expect(out).toContain('2027-2029 blijven: -96.699 -95.987 -96.010 (x € 1.000)');
    expect(out).toContain('scenario 4.000 jeugdigen: 2.1 in 2026 -86.104.760,00');
    expect(out).toContain('tornado 2026: bij 3.750 -80.723.212,50, bij 4.525 -97.406.009,75; bandbreedte 16.682.797,25');
  });

  it('92 computes the Ukraine reimbursement as places x days x normvergoeding, with the drop from € 61 to € 44', () => {
    const out = run('92-seed000-oekraine-normvergoeding.ts');
    expect(out).toContain('normvergoeding per plaats per jaar: 2024 22.326 (61 x 366), 2025 16.060 (44 x 365), 2026 2.772 (44 x 63)');
    expect(out).toContain('1.1 2025: plaatsen x normvergoeding = 6.504.300 (x € 1.000: 6.504, gedrukt 6.500); saldo met de kosten 2.904');
    expect(out).toContain('1.1 2026: plaatsen x normvergoeding = 1.083.852 (x € 1.000: 1.084, gedrukt 1.083); saldo met de kosten 484');
    expect(out).toContain('bij € 61 per dag: 2025 9.017.325, 2026 1.502.613; verschil 2025 2.513.025');
    expect(out).toContain('verlaging per 1 juli 2025: 2025 7.750.485');
  });
});
