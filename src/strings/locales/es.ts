import type { ChatStrings } from '../en.js';

/** Spanish. Use with `registerLocale(es)` and `lang="es"`. */
const es: ChatStrings = {
  $code: 'es',
  $dir: 'ltr',
  menuLabel: 'Más opciones',
  triggerLabel: 'Más acciones para {name}',
  block: 'Bloquear',
  unblock: 'Desbloquear',
  blockPending: 'Bloqueando…',
  unblockPending: 'Desbloqueando…',
  blockNotAllowed: 'No tienes permiso para bloquear clientes',
  missingCustomer: 'Ningún cliente seleccionado',
  blockHeading: '¿Bloquear a {name}?',
  unblockHeading: '¿Desbloquear a {name}?',
  blockMessage: '{name} no podrá enviarte mensajes hasta que lo desbloquees.',
  unblockMessage: '{name} podrá volver a enviarte mensajes.',
  cancel: 'Cancelar',
  confirm: 'Confirmar',
  confirmBusy: 'Procesando…',
  statusBlocked: 'Bloqueado',
  statusBlocking: 'Bloqueando…',
  statusUnblocking: 'Desbloqueando…',
  statusUnblocked: 'Desbloqueado',
  statusBlockFailed: 'No se pudo bloquear',
  statusUnblockFailed: 'No se pudo desbloquear',
  retry: 'Reintentar',
  thisCustomer: 'este cliente',
};
export default es;
