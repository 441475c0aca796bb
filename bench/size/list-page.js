// A list page as a host writes it: conversation rows of status pills and closed menus, each
// tag from its own entry (chat-block-elements/elements/<tag>.js), nothing else.
import '../../src/elements/chat-status-pill.ts';
import '../../src/elements/chat-header-menu.ts';
