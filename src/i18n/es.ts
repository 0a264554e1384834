export const es = {
  'error.validation_failed': 'Algunos campos no son válidos.',
  'error.invalid_json': 'El cuerpo de la solicitud no es JSON válido.',
  'error.body_too_large': 'El cuerpo de la solicitud es demasiado grande.',
  'error.unsupported_media_type': 'Este tipo de contenido no se acepta aquí.',
  'error.unauthenticated': 'Inicia sesión, por favor.',
  'error.invalid_credentials': 'El correo o la contraseña no son correctos.',
  'error.account_locked':
    'Demasiados intentos fallidos. Vuelve a intentarlo en {wait} o restablece tu contraseña.',
  'error.rate_limited': 'Demasiados intentos. Vuelve a intentarlo en {wait}.',
  'wait.minute': '1 minuto',
  'wait.minutes': '{minutes} minutos',
  'error.csrf_failed': 'Esta solicitud no provino de Saldo. Recarga la página e inténtalo de nuevo.',
  'error.forbidden': 'Tu rol no permite esta acción.',
  'error.not_found': 'No encontrado.',
  'error.route_not_found': 'No existe {method} {url} en esta API.',
  'error.method_not_allowed': 'Este método no está permitido aquí.',
  'error.bad_request': 'Esta solicitud no está bien formada.',
  'error.precondition_failed': 'El recurso cambió desde que lo pediste. Recarga e inténtalo de nuevo.',
  'error.range_not_satisfiable': 'El rango pedido está fuera del archivo.',
  'error.conflict': 'Esto entra en conflicto con el estado actual. Recarga e inténtalo de nuevo.',
  'error.email_taken': 'Ya existe un usuario con este correo.',
  'error.weak_password': 'La contraseña es demasiado débil: {reason}',
  'error.token_invalid': 'Este enlace no es válido. Solicita uno nuevo.',
  'error.token_expired': 'Este enlace ha caducado. Solicita uno nuevo.',
  'error.token_used': 'Este enlace ya se utilizó. Inicia sesión o solicita uno nuevo.',
  'error.invitation_email_mismatch': 'Esta invitación es para {email}. Cierra sesión y ábrela de nuevo.',
  'error.already_member': '{email} ya tiene acceso a {place}. No hace falta enviarle una invitación.',
  'error.cannot_invite_self': 'No puedes invitarte a ti mismo: ya tienes acceso con {email}.',
  'error.no_such_context': 'No perteneces a ese vendedor o cuenta.',
  'error.internal': 'Algo salió mal de nuestro lado. Quedó registrado; inténtalo de nuevo.',
  'error.unavailable': 'Saldo aún no está listo. Inténtalo en un momento.',

  'error.amount_not_positive': 'El importe debe ser mayor que cero.',
  'error.due_before_issue':
    'La fecha de vencimiento ({due}) no puede ser anterior a la de emisión ({issue}).',
  'error.exceeds_unapplied': 'Es más de lo que queda sin aplicar: {available}.',
  'error.exceeds_open_amount': 'Es más que los {available} pendientes de la factura {number}.',
  'error.currency_mismatch': 'La factura {number} está en {invoiceCurrency}, no en {currency}.',
  'error.customer_mismatch': 'La factura {number} es de otro cliente.',
  'error.invoice_not_open': 'La factura {number} no está abierta ({status}).',
  'error.dispute_already_open':
    'Esta factura ya tiene una disputa abierta: respóndela o resuélvela antes de abrir otra.',
  'error.inquiry_resolved': 'Esta consulta ya está resuelta: abre una nueva si hace falta.',
  'error.invoice_has_applications':
    'La factura {number} tiene pagos o notas de crédito aplicados; desaplícalos antes de cancelarla.',
  'error.payment_reversed': 'Este pago fue revertido y ya no se puede aplicar.',
  'error.credit_memo_void': 'Esta nota de crédito está cancelada.',
  'error.application_already_reversed': 'Esta aplicación ya se deshizo.',
  'error.duplicate_number': 'Ya existe un documento con el número {number}.',
  'error.idempotency_key_reused':
    'Esta Idempotency-Key ya se usó con otra solicitud (otro cliente, importe, moneda, fecha o aplicación). Usa una clave nueva para cada pago o documento nuevo.',

  'error.payment_state_conflict': 'Este pago no puede pasar de {from} a {to}.',
  'error.payment_in_progress':
    'Un pago de la factura {number} todavía se está procesando. Espera a que termine antes de volver a pagar.',
  'error.online_payments_disabled': 'El pago en línea no está disponible: {reason}',
  'error.partial_not_allowed': 'La factura {number} debe pagarse completa ({available}).',
  'error.below_partial_minimum': 'Un pago parcial de la factura {number} debe ser de al menos {minimum}.',
  'error.method_not_accepted': 'Este vendedor no acepta pagos en línea con {kind}.',
  'error.method_in_use':
    'El pago automático usa este método de pago. Elige otro método para el pago automático primero.',
  'error.autopay_text_changed':
    'El texto de autorización del pago automático cambió desde que se mostró. Lee el texto nuevo y acéptalo otra vez.',
  'autopay.authorization':
    'Autorizo a {seller} a cobrar con el método de pago que elegí las facturas de {customer} según las reglas que fijé (cuándo, qué facturas y el máximo por cobro), en días hábiles, hasta que pause o cancele el pago automático. Recibiré un aviso antes de cada cobro y un recibo después. Si un cobro es devuelto, {seller} podrá cobrarlo de nuevo. Puedo pausar o cancelar el pago automático en cualquier momento en el portal, antes de que se haga un cobro.',
  'autopay.unavailable.role': 'tu rol puede ver el pago automático, pero no cambiarlo',
  'error.ach_authorization_required':
    'Acepta la autorización de cargo bancario para pagar desde una cuenta bancaria.',
  'error.refund_exceeds_payment': 'Es más de los {available} que aún se pueden reembolsar.',
  'error.payment_not_refundable': 'Solo se puede reembolsar un pago en línea completado ({status}).',
  'error.deposit_recipient_invalid': '«{email}» no es una dirección de correo. No se cambió nada.',
  'error.webhook_rejected': 'Se rechazó el webhook: {reason}.',
  'error.processor_unavailable':
    'El procesador de pagos no respondió. No se cobró dos veces; revisa el pago en unos minutos.',
  'error.processor_refused': 'El procesador de pagos rechazó la solicitud: {detail}',
  'error.pay_link_not_found':
    'Este enlace de pago no es válido. Comprueba que abriste el enlace completo o pide uno nuevo al vendedor.',
  'error.pay_link_expired': 'Este enlace de pago ha caducado. Pide uno nuevo al vendedor.',
  'error.pay_link_cancelled': 'Este enlace de pago fue cancelado. Pide uno nuevo al vendedor.',
  'error.invoice_already_paid': 'La factura {number} ya está pagada: no hay nada que cobrar.',
  'error.pay_now_no_recipients':
    'Ningún contacto del cliente con correo recibe facturas. Elige a quién enviarlo o agrega un contacto.',
  'error.pay_link_paid': 'Este enlace de pago ya está pagado. No hay nada más que pagar con él.',
  'error.pay_link_in_progress':
    'Un pago con este enlace todavía se está procesando. Espera a que termine antes de volver a pagar.',
  'error.order_currency_mismatch':
    'El pedido está en {currency}, pero el crédito de este cliente está en {customerCurrency}.',
  'error.webhook_url_refused':
    'Saldo no envía webhooks a {host}: usa una dirección https pública (se rechazan las direcciones privadas, internas y de este equipo).',
  'error.stripe_keys_invalid':
    'Stripe no aceptó esta clave secreta. Cópiala de nuevo desde el panel de Stripe (Desarrolladores → Claves de API); una clave restringida necesita acceso de lectura al saldo.',
  'error.file_too_large': 'El archivo es demasiado grande: aquí se aceptan como máximo {megabytes} MB.',
  'error.erp_sync_manual_marking':
    'Este vendedor marca las facturas como pagadas a mano: sus confirmaciones de pago se envían por correo y se descargan en la consola, no por la API. Cambie primero la sincronización con el ERP a marcado automático.',
  'error.import_file_unreadable': 'Saldo no puede leer este archivo: {reason}',
  'error.aging_import_document':
    'Saldo no puede corregir {number} por sí mismo: aquí falta, es de otro cliente o está en otra moneda. Impórtalo desde el ERP (su archivo de facturas o notas de crédito).',
  'error.aging_erp_higher':
    'El ERP muestra más saldo abierto en {number} que Saldo. Importa de nuevo la factura desde el ERP (su nuevo total), o deshaz el pago en Saldo.',
  'error.aging_not_invoice':
    'Aquí solo se corrige una factura pagada en el ERP. Importa los pagos o notas de crédito del ERP para {number}.',
  'error.delivery_not_resendable':
    'Solo se vuelve a enviar una factura electrónica que falló; esta está {status}.',
  'error.nothing_to_print': 'No hay nada pendiente de imprimir.',
  'error.delivery_setup_incomplete': 'La preferencia de entrega del cliente está incompleta: {missing}.',
  'error.collection_no_recipients':
    'Este cliente no tiene ningún contacto con correo que reciba recordatorios: agregue uno (o marque «recordatorios» en un contacto) antes de suscribirlo a la cobranza semanal.',
  'error.statement_no_recipients':
    'Este cliente no tiene ningún contacto con correo que reciba estados de cuenta: agregue uno (o marque «estados de cuenta» en un contacto) primero.',
  'error.statement_period_invalid':
    'El periodo debe empezar antes o el mismo día que termina, dentro de diez años.',
  'error.nothing_to_remind':
    'No hay nada que recordarle a este cliente: sus facturas están pagadas, en disputa, cubiertas por una promesa de pago o con un pago en camino.',
  'error.no_reminder_recipients':
    'Este cliente no tiene ningún contacto con correo que reciba recordatorios: agregue uno (o marque «recordatorios» en un contacto) primero.',
  'error.no_delivery_recipients':
    'Este cliente no tiene ningún contacto con correo que reciba facturas: agregue uno (o marque «facturas» en un contacto) primero.',
  'field.duplicate_offset': 'tiene dos pasos el mismo día',
  'field.too_many_steps': 'tiene más de {max} pasos',
  'hold.rule.overdue': 'Retención automática: facturas vencidas hace más de {days} días',
  'hold.rule.over_limit': 'Retención automática: saldo por encima del límite de crédito',
  'field.not_an_import_field': 'no es un campo de este tipo de importación',
  // archivos que los lectores no pudieron leer (formats/import, ImportFileError)
  'importErrors.file_too_large':
    'El archivo es demasiado grande ({size} bytes; se aceptan como máximo {limit}).',
  'importErrors.empty_file': 'El archivo está vacío.',
  'importErrors.no_data_rows': 'El archivo tiene encabezado pero ninguna fila debajo.',
  'importErrors.looks_like_xlsx': 'Este archivo es un libro de Excel (XLSX), no un CSV: impórtalo como XLSX.',
  'importErrors.looks_like_pdf': 'Este archivo es un PDF: exporta los datos del ERP como CSV, XLSX o JSON.',
  'importErrors.legacy_xls':
    'Es un archivo antiguo de Excel (.xls): guárdalo como .xlsx o CSV e importa ese.',
  'importErrors.binary_file':
    'No es un archivo de texto ({detected}): exporta los datos como CSV, XLSX, JSON o XML UBL.',
  'importErrors.unsupported_encoding':
    'El archivo está escrito en {encoding}: guárdalo como UTF-8 o Windows-1252.',
  'importErrors.nul_byte': 'El archivo tiene aquí un byte NUL: no es un archivo de texto o está dañado.',
  'importErrors.invalid_utf8': 'Esta línea no es UTF-8 válido: elige la codificación Windows-1252.',
  'importErrors.unclosed_quote': 'Una celda entre comillas que empieza aquí no se cierra.',
  'importErrors.malformed_csv': 'Esta línea no se puede leer como CSV ({reason}).',
  'importErrors.record_too_large': 'Esta fila es demasiado larga (más de {limit} caracteres).',
  'importErrors.duplicate_header': 'El encabezado nombra dos veces la columna "{column}".',
  'importErrors.malformed_xlsx': 'No se puede leer el libro ({reason}).',
  'importErrors.sheet_not_found': 'El libro no tiene la hoja "{sheet}" (sus hojas: {sheets}).',
  'importErrors.malformed_json': 'No es JSON válido.',
  'importErrors.json_not_documents': 'Una importación JSON es una lista de objetos, uno por documento.',
  'importErrors.malformed_xml': 'No es XML válido ({reason}).',
  'importErrors.not_ubl': 'Este XML no es una factura ni una nota de crédito UBL (su raíz es "{root}").',
  // importaciones de clientes, contactos, pagos, bloqueos y antigüedad (imports/*-importer.ts)
  'importErrors.too_many_decimals': 'tiene más decimales de los que admite la moneda ({digits})',
  'importErrors.amount_too_large':
    'es mayor de lo que Saldo admite (como máximo {limit} en unidades mínimas)',
  'importErrors.amount_not_positive': 'debe ser mayor que cero',
  'importErrors.amount_negative': 'no puede ser negativo',
  'importErrors.terms_out_of_range': 'los días de crédito deben estar entre {min} y {max}',
  'importErrors.unknown_collector': '{email} no es del personal, así que no puede ser el gestor de cobranza',
  'importErrors.account_number_taken': 'el número de cuenta {number} ya es de otro cliente',
  'importErrors.payment_fields_differ':
    'las columnas de este pago (cliente, fecha, importe, moneda, forma de pago, referencia) difieren de su línea {line}',
  'importErrors.unknown_invoice': 'no existe la factura {number}',
  'importErrors.invoice_other_customer': 'la factura {number} es de otro cliente',
  'importErrors.invoice_not_open': 'la factura {number} no está abierta ({status})',
  'importErrors.invoice_currency_differs': 'la factura {number} está en {invoiceCurrency}, no en {currency}',
  'importErrors.exceeds_open_amount':
    'es más que los {available} {currency} aún abiertos en la factura {number}',
  'importErrors.exceeds_payment_amount': 'las aplicaciones suman más que los {amount} {currency} del pago',
  'importErrors.currency_not_offered':
    'el cliente no tiene nada en {currency}; un pago puede ser en {currencies}',
  'importErrors.date_in_future': 'la fecha es posterior a hoy ({today})',
  'importErrors.applied_amount_required': 'un pago a varias facturas necesita el importe aplicado a cada una',
  'importErrors.applied_without_invoice': 'un importe aplicado necesita la factura a la que se aplica',
  'importErrors.currency_locked': 'no puede cambiar: el cliente ya tiene documentos en {currency}',
  // el motor de importación y las facturas y notas de crédito (imports/run-import.ts, invoices-, credit-memos-importer.ts)
  'importErrors.missing_column':
    'el archivo no tiene la columna de este campo ({field}): elígela en el perfil',
  'importErrors.unknown_field': 'el perfil nombra un campo que esta importación no tiene ({field})',
  'importErrors.required': 'no puede estar vacío',
  'importErrors.invalid_characters':
    'contiene un carácter que no se admite (NUL o un sustituto UTF-16 suelto)',
  'importErrors.too_long': 'tiene más de {max} caracteres',
  'importErrors.invalid_number': 'no es un número que Saldo sepa leer con la marca decimal del perfil',
  'importErrors.too_large': 'es un número mayor de lo que Saldo admite',
  'importErrors.too_precise': 'tiene más decimales de los admitidos ({digits})',
  'importErrors.invalid_integer': 'debe ser un número entero',
  'importErrors.invalid_date': 'no es una fecha en el formato del perfil ({format})',
  'importErrors.impossible_date': 'es una fecha que no existe ({value})',
  'importErrors.unknown_currency': 'no es un código de moneda ISO 4217 ({value})',
  'importErrors.invalid_locale': 'no es un idioma de Saldo (español o inglés)',
  'importErrors.invalid_email': 'no es un correo electrónico válido',
  'importErrors.invalid_enum': 'debe ser uno de: {values}',
  'importErrors.not_positive': 'debe ser mayor que cero',
  'importErrors.zero_quantity': 'no puede ser cero (una línea de devolución o abono lleva cantidad negativa)',
  'importErrors.negative': 'no puede ser negativo',
  'importErrors.discount_invalid': 'el descuento no puede ser negativo ni mayor que el importe de la línea',
  'importErrors.unknown_customer':
    'no hay un cliente {customer} (ni por su id del ERP ni por su número de cuenta)',
  'importErrors.lines_do_not_add_up':
    'las líneas de la factura {number} suman {computed} {currency}, no el total de {declared} que dice el archivo',
  'importErrors.due_before_issue': 'el vencimiento ({due}) es anterior a la fecha de la factura ({issue})',
  'importErrors.duplicate_number': 'el número {number} ya es de otro documento en Saldo',
  'importErrors.duplicate_in_file': '{number} ya aparece antes en este archivo',
  'importErrors.header_mismatch': 'las líneas de la factura {number} no dicen lo mismo en esta columna',
  'importErrors.invoice_customer_changed':
    'la factura {number} es de otro cliente en Saldo; el cliente de una factura no cambia',
  'importErrors.invoice_currency_changed':
    'la factura {number} está en {currency} en Saldo; la moneda de una factura no cambia',
  'importErrors.invoice_is_draft':
    'la factura {number} es un borrador en Saldo: publícala o cancélala allí primero',
  'importErrors.invoice_void': 'la factura {number} está cancelada en Saldo y no se puede reabrir',
  'importErrors.invoice_has_applications':
    'la factura {number} tiene pagos o notas de crédito aplicados: desaplícalos antes de cancelarla',
  'importErrors.payment_in_progress': 'hay un pago en camino a la factura {number}: cancélala cuando termine',
  'importErrors.credit_memo_customer_changed':
    'la nota de crédito {number} es de otro cliente en Saldo; su cliente no cambia',
  'importErrors.credit_memo_currency_changed':
    'la nota de crédito {number} está en otra moneda en Saldo; su moneda no cambia',
  'importErrors.credit_memo_void':
    'la nota de crédito {number} está cancelada en Saldo y no se puede reabrir',
  'importErrors.credit_memo_has_applications':
    'la nota de crédito {number} está aplicada a facturas: desaplícala antes de cancelarla',
  'importReviews.total_below_paid':
    'El ERP bajó el total de la factura {number} por debajo de lo ya pagado o acreditado en Saldo: no se aplicó.',
  'importReviews.amount_below_applied':
    'El ERP bajó el importe de la nota de crédito {number} por debajo de lo ya aplicado en Saldo: no se aplicó.',
  'importReviews.payment_changed':
    'El ERP envió de nuevo el pago {number} con otros datos. Saldo no lo cambió: corrígelo a mano (aplícalo, desaplícalo o reviértelo) y cierra esta revisión.',
  'importReviews.missing_in_saldo': 'El reporte de antigüedad del ERP incluye {number}, que Saldo no tiene.',
  'importReviews.customer_differs':
    'El reporte de antigüedad del ERP pone {number} a nombre de otro cliente que Saldo.',
  'importReviews.currency_differs':
    'El reporte de antigüedad del ERP tiene {number} en {erpCurrency}; Saldo lo tiene en {saldoCurrency}.',
  'importReviews.open_amount_differs':
    'El reporte de antigüedad del ERP muestra otro saldo abierto en {number} que Saldo.',
  'importReviews.open_in_saldo_only':
    '{number} está abierto en Saldo pero no en el reporte de antigüedad del ERP.',
  'importReport.line': 'Línea',
  'importReport.column': 'Columna',
  'importReport.value': 'Valor',
  'importReport.reason': 'Motivo',
  'onlineBlocked.seller_off': 'el vendedor no acepta pagos en línea',
  'onlineBlocked.customer_off': 'esta cuenta no puede pagar en línea; comunícate con el vendedor',
  'onlineBlocked.on_hold': 'la cuenta tiene un bloqueo de crédito',
  'onlineBlocked.role': 'tu rol puede ver las facturas pero no pagarlas',
  'onlineBlocked.no_methods': 'el vendedor no ha configurado un método de pago',
  'paymentStatus.initiated': 'iniciado',
  'paymentStatus.processing': 'en proceso',
  'paymentStatus.requires_action': 'esperando autenticación',
  'paymentStatus.pending': 'pendiente',
  'paymentStatus.completed': 'completado',
  'paymentStatus.failed': 'fallido',
  'paymentStatus.returned': 'devuelto',
  'paymentStatus.refunded': 'reembolsado',
  'paymentStatus.disputed': 'en disputa',
  'paymentStatus.reversed': 'revertido',
  'decline.card_declined': 'Tu tarjeta fue rechazada. Prueba con otra tarjeta o comunícate con tu banco.',
  'decline.insufficient_funds': 'No había fondos suficientes. Prueba otro método o inténtalo más tarde.',
  'decline.expired_card': 'Tu tarjeta está vencida. Usa otra tarjeta.',
  'decline.incorrect_cvc': 'El código de seguridad (CVC) no es correcto. Revísalo e inténtalo de nuevo.',
  'decline.authentication_required':
    'Tu banco pide que confirmes este pago. Vuelve a pagar mientras estás aquí para confirmarlo.',
  'decline.processing_error': 'No se pudo procesar el pago. No se cobró nada; inténtalo en unos minutos.',
  'decline.invalid_account': 'La cuenta bancaria no es válida. Revisa los números o usa otra cuenta.',
  'decline.account_closed': 'Esa cuenta bancaria está cerrada. Usa otra cuenta.',
  'decline.unauthorized_debit': 'El banco no autorizó este cargo. Usa otro método o comunícate con tu banco.',
  'decline.amount_too_large':
    'El importe supera lo que permite este método. Paga una parte ahora o usa otro método.',
  'decline.unknown': 'El pago no se completó. Prueba con otro método.',
  'decline.method_removed': 'Se quitó el método de pago elegido para el pago automático. Elige otro.',
  'decline.not_allowed': 'Esta cuenta ya no puede pagar en línea. Comunícate con el vendedor.',
  'return.R01': 'El banco devolvió el cargo: la cuenta no tenía fondos suficientes.',
  'return.R02': 'El banco devolvió el cargo: la cuenta está cerrada.',
  'return.R03': 'El banco devolvió el cargo: ninguna cuenta coincide con los números dados.',
  'return.R04': 'El banco devolvió el cargo: el número de cuenta no es válido.',
  'return.R10': 'El banco devolvió el cargo: el titular dice que no lo autorizó.',
  'return.R29': 'El banco devolvió el cargo: la cuenta de la empresa no lo autoriza.',
  'return.dispute_lost': 'El pago con tarjeta fue disputado y la disputa se perdió.',
  'return.other': 'El banco devolvió el cargo (código {code}).',
  'ach.authorization':
    'Al pagar, autorizo a {seller} a cargar una sola vez en la cuenta bancaria que elegí el importe que se muestra hoy, y confirmo que tengo permiso para hacerlo. Si el cargo es devuelto, {seller} podrá volver a cargar el mismo importe. Puedo cancelar esta autorización avisando a {seller} antes de que se haga el cargo.',
  'methodKind.card': 'tarjeta',
  'methodKind.ach': 'cuenta bancaria (ACH)',

  'invoiceStatus.draft': 'borrador',
  'invoiceStatus.open': 'abierta',
  'invoiceStatus.void': 'cancelada',

  'field.required': 'es obligatorio',
  'field.type': 'debe ser de tipo {type}',
  'field.format': 'debe ser {format}',
  'fieldFormat.date': 'una fecha válida (AAAA-MM-DD, entre 1900 y 2199)',
  'fieldFormat.date-time': 'una fecha y hora válidas (ISO 8601, entre 1900 y 2199)',
  'fieldFormat.uuid': 'un identificador válido (UUID)',
  'fieldFormat.email': 'un correo electrónico válido',
  'fieldFormat.uri': 'una dirección web válida',
  'fieldFormat.other': 'un valor con el formato correcto',
  'field.minLength': 'debe tener al menos {limit} caracteres',
  'field.maxLength': 'debe tener como máximo {limit} caracteres',
  'field.minimum': 'debe ser al menos {limit}',
  'field.maxItems': 'debe tener como máximo {limit} elementos',
  'field.maximum': 'debe ser como máximo {limit}',
  'field.enum': 'debe ser uno de: {values}',
  'field.pattern': 'tiene un formato incorrecto',
  'field.additionalProperties': 'no es un campo conocido',
  'field.too_precise': 'tiene más decimales de los que permite la moneda ({digits})',
  'field.invalid': 'no es válido',
  'field.template_syntax': 'no se puede leer en la línea {line}, columna {column}: {reason}',
  'field.template_render': 'no se puede escribir en la línea {line}, columna {column}: {reason}',
  'field.unknown_variable':
    'usa {variable} en la línea {line}, columna {column}, y esta plantilla no la tiene',
  'field.webhook_invalid': 'no es una dirección web válida',
  'field.webhook_scheme': 'debe empezar con https:// (http:// solo para localhost en desarrollo)',
  'field.webhook_credentials': 'no debe llevar usuario ni contraseña',
  'field.webhook_internal_address': 'apunta a una dirección privada o interna',
  'field.webhook_unresolvable': 'no se encontró ese nombre de servidor',
  'field.invalid_characters': 'contiene un carácter que no se admite (NUL o un sustituto UTF-16 suelto)',
  'field.currency_locked': 'no puede cambiar: el cliente ya tiene documentos en {currency}',

  'password.too_short': 'usa al menos {min} caracteres',
  'password.too_long': 'usa como máximo {max} caracteres',
  'password.too_common': 'es una de las contraseñas más comunes',
  'password.contains_email': 'no debe contener tu correo',
};

/** Spanish is the reference catalog: every other language has exactly its keys. */
export type Messages = typeof es;
