import { describe, expect, it } from 'vitest';
import { normaliseSpanish, TRANSCRIPT_ALPHABET } from './normalise-spanish.ts';

// Input → transcript. Each row is one case; the expected values follow RAE usage.
const WORKED_EXAMPLES: [string, string][] = [
  [
    '—¿Qué quiere Vd.? —preguntó el Sr. D. Fernando—. ¡Responda usted!',
    'qué quiere usted preguntó el señor don fernando responda usted',
  ],
  [
    'En el siglo XIX reinaron Carlos IV y Fernando VII, no Carlos V.',
    'en el siglo diecinueve reinaron carlos cuarto y fernando séptimo no carlos quinto',
  ],
  ['Tenía 21 años, 1.500 reales y 101 pesetas.', 'tenía veintiún años mil quinientos reales y ciento una pesetas'],
  [
    'Llegaron 21.000 soldados y 31 mujeres el 2 de mayo de 1808.',
    'llegaron veintiún mil soldados y treinta y una mujeres el dos de mayo de mil ochocientos ocho',
  ],
  ['Era _muy_ tarde[1]. [Ilustración: El hidalgo] Se fué á la venta.', 'era muy tarde se fue a la venta'],
];

const CARDINALS: [string, string][] = [
  ['Tenía 0 reales.', 'tenía cero reales'],
  ['Vino 1 hombre.', 'vino un hombre'],
  ['Vino 1 mujer.', 'vino una mujer'],
  ['Contó hasta 1.', 'contó hasta uno'],
  ['Tenía 1 alma.', 'tenía un alma'],
  ['Eran 15 hombres.', 'eran quince hombres'],
  ['Eran 16 hombres.', 'eran dieciséis hombres'],
  ['Eran 21 mujeres.', 'eran veintiuna mujeres'],
  ['Vieron 21 águilas.', 'vieron veintiún águilas'],
  ['El 21 de julio.', 'el veintiuno de julio'],
  ['Tenía 22 caballos.', 'tenía veintidós caballos'],
  ['Había 23 casas.', 'había veintitrés casas'],
  ['Anduvo 26 leguas.', 'anduvo veintiséis leguas'],
  ['Pasaron 30 días.', 'pasaron treinta días'],
  ['Pasaron 31 días.', 'pasaron treinta y un días'],
  ['Pasaron 31 noches.', 'pasaron treinta y una noches'],
  ['Fueron 100 hombres.', 'fueron cien hombres'],
  ['Fueron 101 soldados.', 'fueron ciento un soldados'],
  ['Leyó 115 libros.', 'leyó ciento quince libros'],
  ['Vinieron 200 personas.', 'vinieron doscientas personas'],
  ['Vinieron 200 soldados.', 'vinieron doscientos soldados'],
  ['Compró 500 caballos.', 'compró quinientos caballos'],
  ['Había 700 casas.', 'había setecientas casas'],
  ['Anduvo 900 leguas.', 'anduvo novecientas leguas'],
  ['Mandaba 1.000 hombres.', 'mandaba mil hombres'],
  ['Las 1.001 noches.', 'las mil una noches'],
  ['Pagó 2.000 ducados.', 'pagó dos mil ducados'],
  ['Llegaron 21.000 mujeres.', 'llegaron veintiuna mil mujeres'],
  ['Tenía 100.000 habitantes.', 'tenía cien mil habitantes'],
  ['Murieron 200.000 personas.', 'murieron doscientas mil personas'],
  ['Tenía 1.000.000 de habitantes.', 'tenía un millón de habitantes'],
  ['Costó 2.000.000 de pesetas.', 'costó dos millones de pesetas'],
  ['Hay 1.000.000.000 de estrellas.', 'hay mil millones de estrellas'],
  ['Eran 21 millones.', 'eran veintiún millones'],
];

const YEARS_DECIMALS_ORDINALS: [string, string][] = [
  ['Colón llegó en 1492.', 'colón llegó en mil cuatrocientos noventa y dos'],
  ['En 1808 llegaron los franceses.', 'en mil ochocientos ocho llegaron los franceses'],
  ['Estamos en 2024.', 'estamos en dos mil veinticuatro'],
  ['En 1921 murió.', 'en mil novecientos veintiuno murió'],
  ['Entraron 1200 mujeres.', 'entraron mil doscientas mujeres'],
  ['Medía 3,5 metros.', 'medía tres coma cinco metros'],
  ['Pesaba 0,75 kilos.', 'pesaba cero coma setenta y cinco kilos'],
  ['Subió un 2,05 por ciento.', 'subió un dos coma cero cinco por ciento'],
  ['Medía 1.250,5 metros.', 'medía mil doscientos cincuenta coma cinco metros'],
  ['Ganó el 5 %.', 'ganó el cinco por ciento'],
  ['Votó el 21 %.', 'votó el veintiuno por ciento'],
  ['El 1.º de enero.', 'el primero de enero'],
  ['Por 1.ª vez.', 'por primera vez'],
  ['Vivía en el 1.er piso.', 'vivía en el primer piso'],
  ['Al 3.er día.', 'al tercer día'],
  ['La 2.ª parte.', 'la segunda parte'],
  ['El 2.º tomo.', 'el segundo tomo'],
  ['El 10.º aniversario.', 'el décimo aniversario'],
  ['La 21.ª edición.', 'la vigésima primera edición'],
];

const ROMAN: [string, string][] = [
  ['En el siglo XXI.', 'en el siglo veintiuno'],
  ['Entre los siglos XV y XVI.', 'entre los siglos quince y dieciséis'],
  ['Alfonso XIII reinó.', 'alfonso trece reinó'],
  ['Isabel II abdicó.', 'isabel segunda abdicó'],
  ['Felipe II y Felipe III.', 'felipe segundo y felipe tercero'],
  ['El papa Pío IX.', 'el papa pío noveno'],
  ['Luis XIV de Francia.', 'luis catorce de francia'],
  ['Alfonso X el Sabio.', 'alfonso décimo el sabio'],
  ['Juan XXIII.', 'juan veintitrés'],
  ['Carlos I de España.', 'carlos primero de españa'],
  ['Lo vi en el capítulo IV.', 'lo vi en el capítulo cuarto'],
  ['CAPÍTULO XII', 'capítulo doce'],
  ['Capítulo I', 'capítulo primero'],
  ['Capítulo IIII', 'capítulo cuarto'],
  ['Capítulo XIIII', 'capítulo catorce'],
  ['Véase el cap. VI.', 'véase el capítulo sexto'],
  ['Cap. IV', 'capítulo cuarto'],
  ['Parte II', 'parte segunda'],
  ['Tomo III', 'tomo tercero'],
  ['Libro V', 'libro quinto'],
  ['Canto X', 'canto décimo'],
  ['IV.', 'cuarto'],
  ['XII. Donde se cuenta la aventura', 'doce donde se cuenta la aventura'],
  ['I said yes.', 'i said yes'],
  ['And then I went home.', 'and then i went home'],
  ['Yo lo vi ayer.', 'yo lo vi ayer'],
  ['En mi casa le di mil gracias.', 'en mi casa le di mil gracias'],
  ['Dígame V. la verdad.', 'dígame usted la verdad'],
];

const ABBREVIATIONS: [string, string][] = [
  ['El Sr. López.', 'el señor lópez'],
  ['Los Sres. de Pérez.', 'los señores de pérez'],
  ['La Sra. Ruiz.', 'la señora ruiz'],
  ['La Srta. Ruiz.', 'la señorita ruiz'],
  ['D. Quijote.', 'don quijote'],
  ['D.ª Inés.', 'doña inés'],
  ['Dña. Inés.', 'doña inés'],
  ['¿Cómo está Ud.?', 'cómo está usted'],
  ['Vd. dirá.', 'usted dirá'],
  ['Uds. lo saben.', 'ustedes lo saben'],
  ['Vds. lo saben.', 'ustedes lo saben'],
  ['Como V. M. mande.', 'como vuestra merced mande'],
  ['S. M. el Rey.', 'su majestad el rey'],
  ['SS. MM. los Reyes.', 'sus majestades los reyes'],
  ['S. A. el Príncipe.', 'su alteza el príncipe'],
  ['S. E. el Ministro.', 'su excelencia el ministro'],
  ['Excmo. Sr.', 'excelentísimo señor'],
  ['Excma. Sra.', 'excelentísima señora'],
  ['Ilmo. Sr.', 'ilustrísimo señor'],
  ['Ilma. Sra.', 'ilustrísima señora'],
  ['El Dr. Pérez.', 'el doctor pérez'],
  ['La Dra. Pérez.', 'la doctora pérez'],
  ['El Ldo. Vidriera.', 'el licenciado vidriera'],
  ['Fr. Luis de León.', 'fray luis de león'],
  ['El P. Isla.', 'el padre isla'],
  ['Sto. Tomás.', 'santo tomás'],
  ['Sta. Teresa.', 'santa teresa'],
  ['Ntra. Sra. del Pilar.', 'nuestra señora del pilar'],
  ['El Gral. Prim.', 'el general prim'],
  ['Pérez y Cía.', 'pérez y compañía'],
  ['Libros, papeles, etc.', 'libros papeles etcétera'],
  ['Un cereal, p. ej. el trigo.', 'un cereal por ejemplo el trigo'],
  ['El año 300 a. C.', 'el año trescientos antes de cristo'],
  ['El año 711 d. C.', 'el año setecientos once después de cristo'],
  ['En la pág. 5.', 'en la página cinco'],
  ['Las págs. 10 y 11.', 'las páginas diez y once'],
  ['Véase el cap. 3.', 'véase el capítulo tres'],
  ['El Cap. Alatriste.', 'el capitán alatriste'],
  ['El núm. 7.', 'el número siete'],
  ['El n.º 7.', 'el número siete'],
  ['El vol. 2.', 'el volumen dos'],
  ['El t. II.', 'el tomo segundo'],
  ['El art. 5.', 'el artículo cinco'],
  ['Tenía 21 págs.', 'tenía veintiuna páginas'],
];

const SPELLING_MARKUP_PUNCTUATION: [string, string][] = [
  ['Le dió un libro.', 'le dio un libro'],
  ['Lo vió todo.', 'lo vio todo'],
  ['Yo fuí allá.', 'yo fui allá'],
  ['Fué él.', 'fue él'],
  ['Pedro é Isabel.', 'pedro e isabel'],
  ['Uno ó dos.', 'uno o dos'],
  ['Siete ú ocho.', 'siete u ocho'],
  ['Á las tres.', 'a las tres'],
  ['Sólo éste.', 'solo este'],
  ['Fin.[Illustration: A man on a horse]', 'fin'],
  ['Texto[Footnote 1: Véase la nota.] aquí.', 'texto aquí'],
  ['Uno {23}dos.', 'uno dos'],
  ['Hola [Nota del transcriptor: errata] mundo.', 'hola mundo'],
  ['Dijo _Don Quijote_ y calló.', 'dijo don quijote y calló'],
  ['—Sí —dijo él—.', 'sí dijo él'],
  ['Sí--dijo él--, claro.', 'sí dijo él claro'],
  ['¿Adónde vas? preguntó el cura.', 'adónde vas preguntó el cura'],
  ['¡¡Ay!!', 'ay'],
  ['«Hola», dijo; (bien)...', 'hola dijo bien'],
  ['El tratado franco-español.', 'el tratado franco español'],
  ['Ñandú, pingüino, ÁRBOL.', 'ñandú pingüino árbol'],
  ['  Hola   mundo \n adiós  ', 'hola mundo adiós'],
  ['Déjà vu en l’hôtel.', 'déja vu en l hotel'],
  ['Medía 10km.', 'medía diez km'],
];

describe('normaliseSpanish', () => {
  describe.each([
    ['worked examples from the notes', WORKED_EXAMPLES],
    ['cardinals', CARDINALS],
    ['years, decimals and ordinals', YEARS_DECIMALS_ORDINALS],
    ['roman numerals by context', ROMAN],
    ['abbreviations', ABBREVIATIONS],
    ['old spelling, markup and punctuation', SPELLING_MARKUP_PUNCTUATION],
  ])('%s', (_name, rows) => {
    it.each(rows)('%j → %j', (input, expected) => {
      expect(normaliseSpanish(input)).toBe(expected);
    });
  });

  it('keeps NFD input equal to NFC input', () => {
    expect(normaliseSpanish('Canción del pingüino'.normalize('NFD'))).toBe('canción del pingüino');
  });

  it('emits only characters of TRANSCRIPT_ALPHABET', () => {
    const all = [...WORKED_EXAMPLES, ...CARDINALS, ...ROMAN, ...SPELLING_MARKUP_PUNCTUATION]
      .map(([input]) => normaliseSpanish(input))
      .join(' ');
    for (const char of all) expect(TRANSCRIPT_ALPHABET).toContain(char);
  });
});

describe('TRANSCRIPT_ALPHABET', () => {
  it('is space, a–z, then ñ á é í ó ú ü, without repeats', () => {
    expect(TRANSCRIPT_ALPHABET).toBe(' abcdefghijklmnopqrstuvwxyzñáéíóúü');
    expect(new Set(TRANSCRIPT_ALPHABET).size).toBe(TRANSCRIPT_ALPHABET.length);
    expect(TRANSCRIPT_ALPHABET.normalize('NFC')).toBe(TRANSCRIPT_ALPHABET);
  });
});
