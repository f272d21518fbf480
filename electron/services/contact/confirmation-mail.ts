// The mail that carries a contact address's confirmation code: Chinese first, then English, plain
// text (it is read on any client), naming the account and how long the code is valid.
export function composeConfirmationMail(address: string, code: string, account: string, validityHours: number) {
  return {
    to: address,
    subject: '聯絡用電子郵件信箱確認碼 / Contact address confirmation code',
    text: [
      `您好，這是 ${account} 的聯絡用電子郵件信箱確認碼：`,
      '',
      `    ${code}`,
      '',
      `請在服務台輸入此確認碼。確認碼 ${validityHours} 小時內有效；若非您本人申請，請忽略此信。`,
      '',
      '---',
      '',
      `Hello, this is the confirmation code for the contact address of ${account}:`,
      '',
      `    ${code}`,
      '',
      `Type it at the counter. It is valid for ${validityHours} hours. If you did not ask for it, ignore this message.`,
    ].join('\n'),
  };
}
