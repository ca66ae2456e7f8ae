/** Short Spanish paragraphs (original text, public domain style) for the synthetic chapter test and bench. */
export const SPANISH_PARAGRAPHS = [
  'El faro se alzaba sobre las rocas negras, al final de un camino que el viento borraba cada invierno.',
  'Nadie en el pueblo recordaba quién lo había encendido por primera vez, ni cuántos años tenía la torre.',
  'Tomás llegó una tarde de octubre, con una maleta de cartón y una carta del capitán del puerto.',
  'La carta decía que el antiguo farero había muerto, y que el faro no podía quedarse ni una noche a oscuras.',
  'Subió los ciento doce escalones contando en voz baja, porque su madre le había enseñado a contar para no tener miedo.',
  'Arriba encontró la lámpara cubierta de sal, un cuaderno de tapas azules y una taza todavía tibia.',
  'Esa noche no durmió. Limpió los cristales, encendió la mecha y se quedó mirando el mar hasta el amanecer.',
  'Por la mañana bajó al pueblo a comprar pan, aceite y queroseno, y todos lo miraron como a un extraño.',
  'Solo la panadera le sonrió. Le dijo que el viejo farero también compraba allí, siempre a la misma hora.',
  'En el cuaderno azul había nombres de barcos, fechas de tormentas y, al final, una frase escrita con prisa.',
  'La frase decía: si alguna vez la luz se apaga sola, no subas hasta que el reloj de la iglesia dé las doce.',
  'Tomás cerró el cuaderno y pensó que el viejo había pasado demasiados inviernos solo frente al mar.',
  'Las semanas siguientes fueron tranquilas. Los pescadores empezaron a saludarlo cuando volvían al puerto.',
  'Aprendió a reconocer los barcos por el ruido de sus motores, y a las gaviotas por la forma de sus gritos.',
  'Una noche de diciembre, mientras escribía en el cuaderno, la luz del faro se apagó sin ningún motivo.',
  'Recordó la frase del viejo farero y miró el reloj. Faltaban veinte minutos para la medianoche.',
  'Esperó sentado en la cocina, escuchando cómo el viento golpeaba las ventanas y la puerta de hierro.',
  'Cuando sonaron las doce campanadas subió corriendo, y encontró la lámpara encendida como si nada hubiera pasado.',
  'Desde entonces, cada vez que la luz se apagaba, Tomás esperaba las campanadas antes de subir.',
  'Muchos años después, un muchacho llegó con una maleta de cartón y una carta del capitán del puerto.',
];

export const SPANISH_INTRO = 'Capítulo uno de El faro. Esta es una grabación de LibriVox. Todas las grabaciones de LibriVox son de dominio público.';
export const SPANISH_OUTRO = 'Fin del capítulo uno. Esta grabación es de dominio público.';
