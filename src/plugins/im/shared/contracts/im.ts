/**
 * Public shapes of the im plugin (docs/API.md → 在线沟通). Ids are documentIds; `order` is the
 * order's documentId.
 */
export type ConversationKind = 'order' | 'support';
export type MessageType = 'text' | 'image' | 'location' | 'system';
/** Who sent a message, seen from the conversation: its member, its worker, 客服, or the platform. */
export type SenderRole = 'member' | 'worker' | 'support' | 'system';

export type MessageContent =
  | { text: string }
  | { file: number; url?: string | null }
  | { lat: number; lng: number; name?: string; address?: string };

export interface MessageView {
  documentId: string;
  conversation: string;
  type: MessageType;
  content: MessageContent;
  clientMsgId: string | null;
  sender: { role: SenderRole; id: number | null };
  createdAt: string;
}

export interface ConversationView {
  documentId: string;
  kind: ConversationKind;
  order: string | null;
  status: 'open' | 'closed';
  /** users-permissions ids of the two user seats; worker is null for a support conversation. */
  member: number;
  worker: number | null;
  lastMessageAt: string | null;
  lastMessage: MessageView | null;
  /** Messages of the others after the viewer's read marker. */
  unread: number;
  /** The documentId of the newest message the viewer has read, or null. */
  readUpTo: string | null;
}

export interface ChatSendRequest {
  conversation: string;
  type: MessageType;
  content: unknown;
  clientMsgId: string;
}

export interface ChatReadRequest {
  conversation: string;
  upTo: string;
}

/** `chat:read` to the conversation: who read, and up to which message. */
export interface ChatReadEvent {
  conversation: string;
  reader: { role: SenderRole; id: number | null };
  upTo: string;
  at: string;
}

export interface ListConversationsResponse {
  data: ConversationView[];
}
export interface ListMessagesResponse {
  data: MessageView[];
  meta: { hasMore: boolean; before: string | null };
}
