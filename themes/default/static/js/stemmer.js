// Snowball English (Porter2) stemmer, written to give exactly what the index builder's
// rust-stemmers 1.2 gives, so query words meet index terms. Plain script: defines
// window.trellisStem (and module.exports under Node). Step names follow snowballstem.org.
(function () {
  'use strict';

  // 'word:stem' pairs; a bare word maps to itself. Empty stem means delete.
  function table(spec) {
    var map = Object.create(null);
    spec.split(' ').forEach(function (pair) {
      pair = pair.split(':');
      map[pair[0]] = pair.length > 1 ? pair[1] : pair[0];
    });
    return map;
  }

  // The leftmost match of an anchored alternation is the longest suffix, as Snowball's `among`
  // finds; like `among`, a step then never falls back to a shorter suffix.
  function ending(map) { return new RegExp('(?:' + Object.keys(map).join('|') + ')$'); }

  var special = table('skis:ski skies:sky dying:die lying:lie tying:tie idly:idl gently:gentl ' +
    'ugly:ugli early:earli only:onli singly:singl sky news howe atlas cosmos bias andes');
  var invariant = /^(?:succeed|proceed|exceed|canning|inning|earring|herring|outing)$/;
  var step2 = table('tional:tion enci:ence anci:ance abli:able entli:ent izer:ize ization:ize ' +
    'ational:ate ation:ate ator:ate alism:al aliti:al alli:al fulness:ful ousli:ous ousness:ous ' +
    'iveness:ive iviti:ive biliti:ble bli:ble ogi:og fulli:ful lessli:less li:');
  var step2End = ending(step2);
  var step3 = table('tional:tion ational:ate alize:al icate:ic iciti:ic ical:ic ful: ness: ative:');
  var step3End = ending(step3);
  var step4 = /(?:ic|ance|ence|able|ible|ate|ive|ize|iti|al|ism|ion|er|ous|ant|ent|ment|ement)$/;
  // Code points beyond the BMP count as one character in Rust; stand them in with one unit.
  var astral = /[\ud800-\udbff][\udc00-\udfff]|\ud800/g;

  function vowel(w, i) { return /[aeiouy]/.test(w.charAt(i)); }

  // Index after the first non-vowel that follows a vowel, at or after `i` (R1 / R2 start).
  function region(w, i) {
    while (i < w.length && !vowel(w, i)) i++;
    do i++; while (i < w.length && vowel(w, i));
    return i < w.length ? i + 1 : w.length;
  }

  // Does w[0, i) end in a short syllable?
  function shortv(w, i) {
    return i >= 3 ? !/[aeiouywxY]/.test(w[i - 1]) && vowel(w, i - 2) && !vowel(w, i - 3)
      : i === 2 && vowel(w, 0) && !vowel(w, 1);
  }

  function stem(word) {
    if (word in special) return special[word];
    var held = word.match(astral) || [];
    var w = word.replace(astral, '\ud800');
    if (w.length < 3) return word;

    // Prelude: drop a leading apostrophe, mark consonant y as Y.
    w = w.replace(/^'/, '');
    var marked = /^y|[aeiouy]y/.test(w);
    w = w.replace(/^y/, 'Y').replace(/([aeiouy])y/g, '$1Y');
    var m = /^(?:gener|commun|arsen)/.exec(w);
    var p1 = m ? m[0].length : region(w, 0);
    var p2 = region(w, p1);

    // Step 1a
    w = w.replace(/'(?:s'?)?$/, '');
    if (/sses$/.test(w)) w = w.slice(0, -2);
    else if (/ie[ds]$/.test(w)) w = w.slice(0, -3) + (w.length > 4 ? 'i' : 'ie');
    else if (/[^su]s$/.test(w) && /[aeiouy]/.test(w.slice(0, -2))) w = w.slice(0, -1);

    if (!invariant.test(w)) {
      // Step 1b
      if ((m = /eed(?:ly)?$/.exec(w))) {
        if (m.index >= p1) w = w.slice(0, m.index) + 'ee';
      } else if ((m = /(?:ed|ing)(?:ly)?$/.exec(w)) && /[aeiouy]/.test(w.slice(0, m.index))) {
        w = w.slice(0, m.index);
        if (/(?:at|bl|iz)$/.test(w)) w += 'e';
        else if (/(?:bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) w = w.slice(0, -1);
        else if (w.length === p1 && shortv(w, p1)) w += 'e';
      }
      // Step 1c
      if (w.length > 2 && /[^aeiouy][yY]$/.test(w)) w = w.slice(0, -1) + 'i';
      // Step 2
      if ((m = step2End.exec(w)) && m.index >= p1) {
        var before = w.charAt(m.index - 1);
        if (m[0] === 'ogi' ? before === 'l' : m[0] !== 'li' || /[cdeghkmnrt]/.test(before)) {
          w = w.slice(0, m.index) + step2[m[0]];
        }
      }
      // Step 3
      if ((m = step3End.exec(w)) && m.index >= (m[0] === 'ative' ? p2 : p1)) {
        w = w.slice(0, m.index) + step3[m[0]];
      }
      // Step 4
      if ((m = step4.exec(w)) && m.index >= p2 && (m[0] !== 'ion' || /[st]/.test(w.charAt(m.index - 1)))) {
        w = w.slice(0, m.index);
      }
      // Step 5
      var last = w.length - 1;
      if (w[last] === 'e' ? last >= p2 || (last >= p1 && !shortv(w, last))
        : /ll$/.test(w) && last >= p2) w = w.slice(0, last);
    }

    if (marked) w = w.replace(/Y/g, 'y');
    return w.replace(/\ud800/g, function () { return held.shift(); });
  }

  if (typeof window !== 'undefined') window.trellisStem = stem;
  if (typeof module !== 'undefined') module.exports = stem;
})();
