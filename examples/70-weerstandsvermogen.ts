/**
 * Weerstandsvermogen (paragraaf weerstandsvermogen en risicobeheersing): a risicoregister of five risks in the
 * usual probability classes 10, 30, 50, 70 and 90%, set against the beschikbare weerstandscapaciteit (algemene
 * reserve, onvoorzien, onbenutte belastingcapaciteit). The risks and amounts are illustrative.
 */
import { renderText, weerstandsvermogen, weerstandsvermogenTable, waarderingText } from 'meerjaren';

const result = weerstandsvermogen({
  risks: [
    { id: 'R1', title: 'Open-einderegeling jeugdzorg', probability: '0.7', amount: '2500000', nature: 'structural' },
    { id: 'R2', title: 'Grondexploitatie Oostpoort', probability: '0.3', amount: '1800000', nature: 'incidental' },
    { id: 'R3', title: 'Gemeenschappelijke regelingen', probability: '0.5', amount: '750000', nature: 'structural' },
    { id: 'R4', title: 'Juridische claims', probability: '0.1', amount: '1200000', nature: 'incidental' },
    { id: 'R5', title: 'Loon- en prijsstijging', probability: '0.9', amount: '433333', nature: 'structural' },
  ],
  capacity: [
    { kind: 'algemene-reserve', title: 'Algemene reserve', amount: '4200000' },
    { kind: 'onvoorzien', title: 'Post onvoorzien', amount: '250000' },
    { kind: 'onbenutte-belastingcapaciteit', title: 'Onbenutte belastingcapaciteit', amount: '1100000' },
  ],
});

console.log(renderText(weerstandsvermogenTable(result), { unit: 'thousand' }));
console.log(`benodigd: ${result.required.toFixed()}, beschikbaar: ${result.available.toFixed()}`);
console.log(`ratio: ${result.ratio?.toFixed()}, waardering: ${waarderingText(result)}`);
