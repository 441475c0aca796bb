import type { ChatStrings } from '../en.js';

/** Brazilian Portuguese. Use with `registerLocale(ptBR)` and `lang="pt-BR"` (also chosen for `lang="pt"`). */
const ptBR: ChatStrings = {
  $code: 'pt-BR',
  $dir: 'ltr',
  menuLabel: 'Mais opções',
  triggerLabel: 'Mais ações para {name}',
  block: 'Bloquear',
  unblock: 'Desbloquear',
  blockPending: 'Bloqueando…',
  unblockPending: 'Desbloqueando…',
  blockNotAllowed: 'Você não tem permissão para bloquear clientes',
  missingCustomer: 'Nenhum cliente selecionado',
  blockHeading: 'Bloquear {name}?',
  unblockHeading: 'Desbloquear {name}?',
  blockMessage: '{name} não poderá enviar mensagens para você até que você desbloqueie.',
  unblockMessage: '{name} poderá enviar mensagens para você novamente.',
  cancel: 'Cancelar',
  confirm: 'Confirmar',
  confirmBusy: 'Processando…',
  statusBlocked: 'Bloqueado',
  statusBlocking: 'Bloqueando…',
  statusUnblocking: 'Desbloqueando…',
  statusUnblocked: 'Desbloqueado',
  statusBlockFailed: 'Não foi possível bloquear',
  statusUnblockFailed: 'Não foi possível desbloquear',
  retry: 'Tentar novamente',
  thisCustomer: 'este cliente',
};
export default ptBR;
